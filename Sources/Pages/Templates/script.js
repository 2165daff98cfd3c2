(function(){var d=document;
function today(){try{return new Intl.DateTimeFormat("sv-SE",{timeZone:"Europe/Stockholm",year:"numeric",month:"2-digit",day:"2-digit"}).format(new Date())}catch(e){return new Date().toISOString().slice(0,10)}}
var t=today();
d.querySelectorAll("button[data-copy]").forEach(function(b){
b.addEventListener("click",function(){
var i=d.getElementById(b.getAttribute("data-copy"));
function done(){b.textContent="Kopierad";setTimeout(function(){b.textContent="Kopiera"},2000)}
if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(i.value).then(done)}
else{i.focus();i.select();try{d.execCommand("copy");done()}catch(e){}}})});
d.querySelectorAll("[data-from],[data-to]").forEach(function(e){var f=e.getAttribute("data-from"),u=e.getAttribute("data-to");if((f&&f>t)||(u&&u<=t))e.hidden=true});
d.querySelectorAll("[data-due]").forEach(function(c){if(c.getAttribute("data-due")<t){
var s=d.createElement("strong");s.className="overdue";s.textContent="försenat";c.insertBefore(d.createTextNode(", "),c.firstChild);c.insertBefore(s,c.firstChild)}});
d.querySelectorAll("table.events").forEach(function(tb){
var rows=[].slice.call(tb.querySelectorAll("tr[data-day]")),past=rows.filter(function(r){return r.getAttribute("data-day")<t});
past.forEach(function(r,n){if(n<past.length-3){r.hidden=true}else{r.className="past";var s=d.createElement("span");s.className="tag";s.textContent="har varit";r.cells[0].appendChild(d.createElement("br"));r.cells[0].appendChild(s)}});
if(past.length==rows.length){var p=d.createElement("p");p.textContent="Inget inplanerat från och med i dag.";tb.parentNode.insertBefore(p,tb)}});
var box=d.getElementById("sok-fraga");if(!box)return;
var out=d.getElementById("sok-svar"),status=d.getElementById("sok-status"),index=null;
d.getElementById("sok-utan").hidden=true;
function fold(s){return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g,"")}
function run(){var q=fold(box.value).split(/\s+/).filter(Boolean),hits=[];out.textContent="";
if(!q.length||!index){status.textContent=index?"":"Hämtar sökregistret …";return}
index.forEach(function(e){var title=fold(e.t),all=title+" "+fold(e.w)+" "+fold(e.k),score=e.r,words=title.split(/[\s,()–-]+/);
for(var i=0;i<q.length;i++){if(all.indexOf(q[i])<0)return;if(words.some(function(w){return w.indexOf(q[i])===0}))score+=3}
if(title==q.join(" "))score+=10;hits.push([score,e])});
hits.sort(function(a,b){return b[0]-a[0]});
hits.slice(0,25).forEach(function(h){var li=d.createElement("li"),a=d.createElement("a"),k=d.createElement("span");
a.href=h[1].u;a.textContent=h[1].t;k.className="muted";k.textContent=h[1].k;li.appendChild(a);li.appendChild(d.createElement("br"));li.appendChild(k);out.appendChild(li)});
status.textContent=hits.length?(hits.length==1?"1 träff":hits.length+" träffar"):"Inga träffar"}
var m=/[?&]q=([^&]*)/.exec(location.search);if(m){box.value=decodeURIComponent(m[1].replace(/\+/g," "))}
box.addEventListener("input",run);
fetch("/sok.json").then(function(r){return r.json()}).then(function(j){index=j;run()},function(){status.textContent="Sökregistret gick inte att hämta."})})();
