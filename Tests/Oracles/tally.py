"""Pass/fail bookkeeping the oracle scripts share: one line per check, totals at the end."""


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        """Counts and prints one result; returns `ok` so callers can branch on it."""
        if ok:
            self.passed += 1
            print(f"ok   {what}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL {what}", flush=True)
        return ok

    def summary(self):
        """Prints the totals; the exit status: 1 when anything failed."""
        print(f"\n{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0
