document.querySelectorAll("button[data-copy]").forEach(function(b){
b.addEventListener("click",function(){
var i=document.getElementById(b.getAttribute("data-copy"));
function done(){b.textContent="Kopierad";setTimeout(function(){b.textContent="Kopiera"},2000)}
if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(i.value).then(done)}
else{i.focus();i.select();try{document.execCommand("copy");done()}catch(e){}}})});
