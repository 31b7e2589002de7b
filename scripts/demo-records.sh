#!/usr/bin/env bash
# Rebuilds records/, the demo municipality, with kontakt's own commands, so the demo is always
# something the tool itself could have written. Personnummer are picked at run time from
# Skatteverket's test list in ../shared (none is written here). Only the random ids differ
# between runs. Usage: scripts/demo-records.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q
K=target/debug/kontakt
LIST=../shared/reference/personnummer/skatteverket-testpersonnummer.txt
# pnr YEAR N: the N-th test number of people born in YEAR.
pnr() { grep "^$1" "$LIST" | sed -n "${2}p"; }

rm -rf records
$K init records --municipality "Demostad kommun"
export KONTAKT_RECORDS=records
on() { local day=$1; shift; $K --today "$day" "$@"; }

# Clients --------------------------------------------------------------------------------------
elsa=$(on 2026-01-12 apply client --name "Elsa Lind" --pnr "$(pnr 2012 3)" --area Norr --interests horses,drawing,swimming --note "Vill träffa någon på helger")
omar=$(on 2026-02-03 apply client --name "Omar Haddad" --pnr "$(pnr 2008 3)" --area Söder --interests football,gaming,cooking --languages sv,ar)
maja=$(on 2026-02-20 apply client --name "Maja Nilsson" --pnr "$(pnr 1996 3)" --area Centrum --interests fika,walks,cinema --wants-gender female)
johan=$(on 2026-03-04 apply client --name "Johan Ek" --pnr "$(pnr 1962 3)" --area Väster --interests fishing,hockey --basis lss)
nils=$(on 2025-08-18 apply client --name "Nils Strand" --pnr "$(pnr 1950 3)" --area Centrum --interests chess,history,fika)
emma=$(on 2026-04-07 apply client --name "Emma Sjö" --pnr "$(pnr 2014 3)" --area Norr --interests drawing,animals,swimming --wants-gender female)
karin=$(on 2026-05-11 apply client --name "Karin Dahl" --pnr "$(pnr 1978 3)" --area Söder --interests walks,music,fika --languages sv,en --wants-gender female)
hanna=$(on 2026-06-15 apply client --name "Hanna Ström" --pnr "$(pnr 1970 3)" --area Väster --interests music,cinema --basis lss)
lina=$(on 2026-07-01 apply client --name "Lina Berg" --pnr "$(pnr 1991 3)" --area Centrum --interests gym)
sara=$(on 2026-10-05 apply client --name "Sara Holm" --pnr "$(pnr 1985 3)" --area Söder --interests fika,books --languages sv,en)
ali=$(on 2026-10-19 apply client --name "Ali Yusuf" --pnr "$(pnr 2004 3)" --area Norr --interests football,gym --languages sv,so)
erik=$(on 2026-11-09 apply client --name "Erik Lund" --pnr "$(pnr 2001 3)" --area Väster --interests gaming,films)

on 2026-02-02 screen client "$elsa" --grant --from 2026-02-09 --to 2027-02-08 --meetings 1/week --guardian-consent 2026-01-28 >/dev/null
on 2026-02-24 screen client "$omar" --grant --from 2026-03-01 --to 2027-02-28 --meetings 1/week >/dev/null
on 2026-03-16 screen client "$maja" --grant --from 2026-03-16 --to 2027-03-15 --meetings 2/month >/dev/null
on 2026-03-30 screen client "$johan" --grant --from 2026-04-01 --to 2026-12-31 --meetings 1/week --basis lss >/dev/null
on 2025-09-01 screen client "$nils" --grant --from 2025-09-01 --to 2026-02-28 --meetings 1/week >/dev/null
on 2026-05-04 screen client "$emma" --grant --from 2026-05-04 --to 2027-05-03 --meetings 1/week --guardian-consent 2026-04-28 >/dev/null
on 2026-06-01 screen client "$karin" --grant --from 2026-06-01 --to 2027-05-31 --meetings 2/month >/dev/null
on 2026-07-06 screen client "$hanna" --grant --from 2026-07-06 --to 2027-01-05 --meetings 1/week --basis lss >/dev/null
on 2026-07-20 screen client "$lina" --deny "Behovet tillgodoses genom annan insats (daglig verksamhet)" >/dev/null
on 2026-11-16 screen client "$sara" --grant --from 2026-11-16 --to 2027-05-15 --meetings 1/week >/dev/null

# Volunteers -----------------------------------------------------------------------------------
vol() { on "$1" apply volunteer "${@:2}"; }
anna=$(vol 2025-11-03 --name "Anna Åberg" --pnr "$(pnr 1985 9)" --area Norr --interests horses,swimming,baking --availability weekend,weekday-evening --capacity 2 --email anna@example.org)
bertil=$(vol 2025-12-01 --name "Bertil Öst" --pnr "$(pnr 1962 9)" --area Väster --interests fishing,hockey,chess --availability weekday-day,weekend)
cecilia=$(vol 2026-01-15 --name "Cecilia Wik" --pnr "$(pnr 1991 9)" --area Centrum --interests fika,cinema,books,walks --languages sv,en --availability weekday-evening)
david=$(vol 2026-01-20 --name "David Rahimi" --pnr "$(pnr 1996 9)" --area Söder --interests football,gaming,cooking --languages sv,ar,en --availability weekday-evening,weekend --capacity 2)
eva=$(vol 2026-02-10 --name "Eva Holmberg" --pnr "$(pnr 1970 9)" --area Söder --interests music,walks,fika --languages sv,en --availability weekday-day)
fatima=$(vol 2026-03-02 --name "Fatima Ali" --pnr "$(pnr 2001 9)" --area Norr --interests drawing,animals,gym --languages sv,so,en --availability weekend)
gustav=$(vol 2026-03-09 --name "Gustav Berg" --pnr "$(pnr 1950 9)" --area Centrum --interests chess,history --availability weekday-day)
helena=$(vol 2026-04-01 --name "Helena Lööf" --pnr "$(pnr 1978 9)" --area Väster --interests music,cinema,baking --availability weekday-evening,weekend)
ivan=$(vol 2026-05-05 --name "Ivan Petrov" --pnr "$(pnr 2004 9)" --area Söder --interests gym,football --languages sv,ru --availability weekend)
jenny=$(vol 2026-08-17 --name "Jenny Sand" --pnr "$(pnr 1996 15)" --area Centrum --interests fika,books --availability weekday-evening)
kalle=$(vol 2026-09-07 --name "Kalle Nord" --pnr "$(pnr 1985 15)" --area Norr --interests hockey,films --availability weekend)
lars=$(vol 2026-10-12 --name "Lars Ljung" --pnr "$(pnr 1962 15)" --area Söder --interests walks,fishing --availability weekday-day)
maria=$(vol 2026-10-26 --name "Maria Falk" --pnr "$(pnr 1991 15)" --area Väster --interests gaming,films,music --languages sv,en --availability weekday-evening)
nora=$(vol 2026-11-02 --name "Nora Eng" --pnr "$(pnr 2001 15)" --area Centrum --interests cinema,gym --availability weekend)
olle=$(vol 2026-11-16 --name "Olle Frisk" --pnr "$(pnr 1978 15)" --area Norr --interests swimming,animals --availability weekend)

# approve V ENDDATE: a full screening finished on ENDDATE.
approve() {
  local v=$1 day=$2
  on "$day" screen volunteer "$v" --interview "$day" --reference "Referens A:ok" --reference "Referens B:ok" \
    --police-extract "$day" --social-register "$day" --approve >/dev/null
}
approve "$anna" 2025-12-15
approve "$bertil" 2026-01-12
approve "$cecilia" 2026-02-16
approve "$david" 2026-02-23
approve "$eva" 2026-03-09
approve "$fatima" 2026-04-06
approve "$gustav" 2026-04-13
approve "$helena" 2026-05-04
approve "$ivan" 2026-06-08
# screening under way
on 2026-09-01 screen volunteer "$jenny" --interview 2026-09-01 --reference "Referens A:ok" >/dev/null
on 2026-09-21 screen volunteer "$kalle" --interview 2026-09-21 --police-extract 2026-09-18 --reference "Referens A:ok" --reference "Referens B:concern" >/dev/null
on 2026-11-02 screen volunteer "$lars" --interview 2026-11-02 >/dev/null
# rejected
on 2026-11-09 screen volunteer "$maria" --interview 2026-11-05 --reference "Referens A:concern" --reject "Referenserna bekräftar inte en stabil livssituation" >/dev/null
on 2026-11-20 screen volunteer "$nora" --interview 2026-11-18 --reject "Kan inte åta sig uppdrag under det kommande året" >/dev/null
# olle has only applied.

$K --today 2026-11-24 check
echo "records/ rebuilt: $(ls records/clients | wc -l) clients, $(ls records/volunteers | wc -l) volunteers"
