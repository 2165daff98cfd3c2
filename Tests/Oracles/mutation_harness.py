#!/usr/bin/env python3
"""The feed checks under mutation: plants each defect of mutants.CATALOGUE in a copy of
the real exported feeds and requires the checks to reject it with the rule named for it.

Usage: mutation_harness.py EXPORTS_DIR [--data DATA_DIR] [--verbose]

1. The real feeds must pass every check.
2. Every mutant must change something and be caught by one of its expected rules.
3. Every rule of the checks must be the expected catcher of at least one mutant.
4. The benign variants (ledger columns, URL properties, archive feeds) must pass.
Prints `N mutants, N caught`, one line per rule, and `N passed, M failed`; exits 1 on
any failure.
"""
import argparse
import collections
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import feedcheck  # noqa: E402
import mutants  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("exports")
    parser.add_argument("--data", help="the registry's Data/ folder (default: EXPORTS/../Data)")
    parser.add_argument("--verbose", action="store_true", help="print every problem each mutant raises")
    args = parser.parse_args()
    root = pathlib.Path(args.exports)
    data_dir = pathlib.Path(args.data) if args.data else root.resolve().parent / "Data"
    began = time.monotonic()
    files = feedcheck.load_tree(root)
    failures = []

    problems, stats = feedcheck.check_tree(files, data_dir)
    for problem in problems:
        failures.append(f"real feeds: {problem}")
    clean_checks = len(feedcheck.RULES)
    print(f"real feeds: {stats['files']} files, {stats['events']} events, years {stats['years'][0]}-{stats['years'][1]}: "
          f"{len(problems)} problems under {clean_checks} rules")
    for note in stats["notes"]:
        print(f"  note: {note}")

    caught_by = collections.defaultdict(list)   # rule -> mutants it caught as expected
    fired_in = collections.Counter()            # rule -> mutants it fired on at all
    expected_rules = set()
    caught = 0
    for mutant in mutants.CATALOGUE:
        expected_rules.update(mutant.expect)
        unknown = set(mutant.expect) - set(feedcheck.RULES)
        if unknown:
            failures.append(f"mutant {mutant.name}: expects unknown rule(s) {sorted(unknown)}")
        mutated = mutant.apply(files)
        if mutated is None:
            failures.append(f"mutant {mutant.name}: changed nothing (its pattern no longer matches the feeds)")
            print(f"  NOT APPLIED  {mutant.name}")
            continue
        found, _ = feedcheck.check_tree(mutated, data_dir)
        rules = sorted({p.rule for p in found})
        fired_in.update(rules)
        hit = [r for r in mutant.expect if r in rules]
        if hit:
            caught += 1
            for rule in hit:
                caught_by[rule].append(mutant.name)
            others = [r for r in rules if r not in hit]
            print(f"  caught    {mutant.name:36} by {', '.join(hit)}" + (f"  (also {', '.join(others)})" if others else ""))
        else:
            failures.append(f"mutant {mutant.name} ({mutant.about}) SURVIVED: expected {', '.join(mutant.expect)}, "
                            f"got {', '.join(rules) or 'nothing'}")
            print(f"  SURVIVED  {mutant.name:36} expected {', '.join(mutant.expect)}; got {', '.join(rules) or 'nothing'}")
        if args.verbose:
            for problem in found:
                print(f"      {problem}")

    benign_ok = 0
    for variant in mutants.BENIGN:
        mutated = variant.apply(files)
        found, _ = feedcheck.check_tree(mutated, data_dir) if mutated is not None else ([], None)
        if mutated is None:
            failures.append(f"benign variant {variant.name}: changed nothing")
        elif found:
            failures.append(f"benign variant {variant.name} ({variant.about}) rejected: {found[0]}")
        else:
            benign_ok += 1
            print(f"  accepted  {variant.name:36} (benign: {variant.about})")

    for rule in sorted(set(feedcheck.RULES) - expected_rules):
        failures.append(f"rule {rule} has no mutant expecting it")

    total = len(mutants.CATALOGUE)
    print(f"{total} mutants, {caught} caught")
    print("by rule (mutants caught as expected / mutants on which the rule fired):")
    for rule in feedcheck.RULES:
        print(f"  {rule:26} {len(caught_by[rule]):3} / {fired_in[rule]:3}")
    for failure in failures:
        print(f"FAIL {failure}")
    passed = caught + (clean_checks if not problems else 0) + benign_ok
    print(f"({time.monotonic() - began:.1f} s)")
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
