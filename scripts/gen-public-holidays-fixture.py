#!/usr/bin/env python3
"""Prints Sweden's public holidays (allmänna helgdagar, lag (1989:253), as in force today) for
1900..=2100 as `YYYY-MM-DD<TAB>Name` lines, for the fixture that src/rules/public_holidays.rs
tests against (tests/fixtures/public_holidays_sv.txt):

    python3 scripts/gen-public-holidays-fixture.py > tests/fixtures/public_holidays_sv.txt

An independent implementation: Easter comes from python-dateutil's `dateutil.easter.easter`
(Gregorian method), not from the Rust code's computus; the rest is `datetime` arithmetic. Days
on one date (Kristi himmelsfärdsdag on 1 May, Pingstdagen on 6 June) give one line each, in the
order listed below, as the Rust `holidays()` does.
"""
import datetime
import sys

import dateutil
from dateutil.easter import EASTER_WESTERN, easter

FIRST, LAST = 1900, 2100
SATURDAY = 5  # date.weekday(): Monday is 0


def first_saturday_from(d):
    return d + datetime.timedelta(days=(SATURDAY - d.weekday()) % 7)


def holidays(year):
    e = easter(year, EASTER_WESTERN)
    day = datetime.timedelta(days=1)
    days = [
        (datetime.date(year, 1, 1), "Nyårsdagen"),
        (datetime.date(year, 1, 6), "Trettondedag jul"),
        (e - 2 * day, "Långfredagen"),
        (e, "Påskdagen"),
        (e + day, "Annandag påsk"),
        (datetime.date(year, 5, 1), "Första maj"),
        (e + 39 * day, "Kristi himmelsfärdsdag"),
        (e + 49 * day, "Pingstdagen"),
        (datetime.date(year, 6, 6), "Sveriges nationaldag"),
        (first_saturday_from(datetime.date(year, 6, 20)), "Midsommardagen"),
        (first_saturday_from(datetime.date(year, 10, 31)), "Alla helgons dag"),
        (datetime.date(year, 12, 25), "Juldagen"),
        (datetime.date(year, 12, 26), "Annandag jul"),
    ]
    # A stable sort: days on one date keep the order above.
    return sorted(days, key=lambda x: x[0])


def main():
    out = sys.stdout
    out.write("# Sweden's public holidays (lag (1989:253) om allmänna helgdagar, as in force now),\n")
    out.write(f"# {FIRST}..={LAST}, one `YYYY-MM-DD<TAB>Name` a line, sorted by date.\n")
    out.write("# Made by: python3 scripts/gen-public-holidays-fixture.py > tests/fixtures/public_holidays_sv.txt\n")
    out.write(
        f"# with Python {sys.version.split()[0]} and python-dateutil {dateutil.__version__} "
        "(dateutil.easter.easter, EASTER_WESTERN).\n"
    )
    for year in range(FIRST, LAST + 1):
        for d, name in holidays(year):
            assert d.year == year, (d, name)
            if name in ("Midsommardagen", "Alla helgons dag"):
                assert d.weekday() == SATURDAY, (d, name)
            out.write(f"{d.isoformat()}\t{name}\n")


if __name__ == "__main__":
    main()
