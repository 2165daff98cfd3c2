// Responses: how each municipality or body answered what a decision asked of it, on
// which day, and the document that says so. `samverkan actions` lists who has not
// answered yet; `samverkan decision ID` shows everyone asked.
//
// Bjuv gives its power of attorney for scenario 3 on 22 April, as a letter of that day
// reports (declare the letter in Documents.swift first):
//
//     add(ActionResponse(.municipality(.bjuv), to: .scenario3Fullmakt, answer: .gave("fullmakt"),
//                        on: Day(2026, 4, 22), source: Source(.bjuvFullmakt20260422)))
//
// Other answers: `answer: .declined`, or `answer: .askedForMoreTime(until: Day(2026, 5, 15))`.
// When the minutes report an answer but not its day, write the day of the minutes and mark
// it: `inferred: [Inferred("on", because: "Protokollet anger inte när svaret kom.")]`; an
// answer with an inferred day is never reported as late.
// Only a party the action asked can answer it, and not before the decision; an answer
// after the deadline is accepted with a warning.

import Registry

extension Registry {
    mutating func addResponses() {
        // The minutes of 10 April 2026 report no answers yet.
    }
}
