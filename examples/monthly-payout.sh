#!/usr/bin/env bash
# The monthly payout, as an administrator schedules it (cron, on the day payroll collects):
#
#   KONTAKT_RECORDS=/srv/kontakt examples/monthly-payout.sh [MONTH]
#
# 1. `kontakt check`: the records are sound, or stop.
# 2. `kontakt pay MONTH --dry-run --json`: what will be paid, kept as payout-MONTH-dry-run.json.
# 3. `kontakt --commit pay MONTH`: the payroll file and its ledger entry, committed to git together.
# 4. `kontakt pay --verify RUN`: the run recomputed from the records matches the file paid.
#
# MONTH defaults to last month. Settings (environment): KONTAKT (the binary, default `kontakt`),
# FORMAT (csv or paxml, default: kontakt.toml's [payroll] format), OUT_DIR (where the payroll file
# is copied for the payroll system, default `.`), KONTAKT_USER (who the ledger says ran the payout;
# default git's user.name, else the login).
#
# Exit status: 0 paid, or nothing new to pay; 1 a problem that needs a person (the message says
# what to do); 2 bad usage. Nothing after the first problem runs.
set -euo pipefail

K=${KONTAKT:-kontakt}
RECORDS=${KONTAKT_RECORDS:-records}
OUT_DIR=${OUT_DIR:-.}
MONTH=${1:-$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)}
export KONTAKT_RECORDS=$RECORDS

stop() { # stop WHAT TODO [CODE]
  echo "monthly-payout: $1" >&2
  echo "monthly-payout: what to do: $2" >&2
  exit "${3:-1}"
}

[[ $MONTH =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]] || stop "\`$MONTH\` is not a month" "give it as YYYY-MM" 2
git -C "$RECORDS" rev-parse --git-dir >/dev/null 2>&1 ||
  stop "$RECORDS is not in a git repository, so the ledger cannot be committed" "run \`git init\` in $RECORDS (and commit the records) first"

if ! "$K" check; then
  stop "kontakt check found problems in the records (listed above)" \
    "fix each one (docs/records.md explains the codes), commit, and run this again"
fi

fmt=()
[[ -n ${FORMAT:-} ]] && fmt=(--format "$FORMAT")
dry="$OUT_DIR/payout-$MONTH-dry-run.json"
"$K" --json pay "$MONTH" --dry-run >"$dry" ||
  stop "the dry run for $MONTH failed (message above)" "correct what it names and run this again"

result=$("$K" --json --commit pay "$MONTH" "${fmt[@]}") ||
  stop "the pay run for $MONTH failed (message above); nothing was paid" "correct what it names and run this again"
run=$(grep -o '"id": "P-[0-9A-Z]*"' <<<"$result" | head -n1 | cut -d'"' -f4 || true)
if [[ -z $run ]]; then
  echo "monthly-payout: nothing new to pay for $MONTH (see $dry for what is not paid and why)"
  exit 0
fi
file=$(grep -o '"file": "payruns/[^"]*"' <<<"$result" | head -n1 | cut -d'"' -f4)
cp "$RECORDS/$file" "$OUT_DIR/" && chmod 600 "$OUT_DIR/$(basename "$file")"

"$K" pay --verify "$run" ||
  stop "run $run does not verify against the records" \
    "do not send $(basename "$file") to payroll; \`kontakt show $run\` and \`kontakt check\` show what differs"

total=$(grep -o '"total_ore": -\?[0-9]*' <<<"$result" | tail -n1 | grep -o -- '-\?[0-9]*$')
printf 'monthly-payout: %s paid %s, %d,%02d kr; send %s to payroll\n' \
  "$run" "$MONTH" $((total / 100)) $(((total < 0 ? -total : total) % 100)) "$OUT_DIR/$(basename "$file")"
