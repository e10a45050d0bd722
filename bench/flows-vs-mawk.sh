#!/usr/bin/env bash
# Times building the communication graph from 10,000,000 flow records (our CSV, 10,000 VMs) with
# Skylift (heap capped at 512 MB) and with mawk doing the same grouping, in one run, and checks that
# both found the same pairs with the same byte sums.
#
#   bench/flows-vs-mawk.sh            # generates bench/scratch/flows-RECORDS/ on first use (seeded), then times
#   RECORDS=1000000 bench/flows-vs-mawk.sh
#
# Three timings: `skylift bench flows` (in process, after JIT warm-up: records/s and peak heap),
# `skylift graph` as a user runs it (whole process, JVM start included, writing the edge list), and
# mawk (whole process, writing its pair list). The last two are the fair pair: same input, same
# grouping (addresses to VMs through the inventory, unordered VM pairs, sums), one output file each.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
records="${RECORDS:-10000000}"
vms="${VMS:-10000}"
dir="bench/scratch/flows-$records"
jar="skylift-app/target/skylift.jar"
./skylift --version >/dev/null
if [ ! -f "$dir/flows.csv" ]; then
  java -jar "$jar" bench flows --generate --dir "$dir" --records "$records" --vms "$vms" --seed 1
fi
ls -l "$dir/flows.csv"
echo "== skylift bench flows (in process, -Xmx512m) =="
java -Xmx512m -jar "$jar" bench flows --dir "$dir" --repeat 3
echo "== skylift graph (whole process, -Xmx512m) =="
/usr/bin/time -f "skylift graph: wall %e s, user %U s, max RSS %M KB" \
  java -Xmx512m -jar "$jar" graph --inventory "$dir/inventory.csv" --flows "$dir/flows.csv" \
  --edges "$dir/skylift.edges" --top 0 | grep -E '^(records|graph|wrote)'
echo "== mawk =="
/usr/bin/time -f "mawk: wall %e s, user %U s, max RSS %M KB" \
  mawk -v out="$dir/mawk.pairs" -f bench/flows-graph.awk "$dir/inventory.csv" "$dir/flows.csv"
echo "== same pairs, same byte sums? =="
grep -v '^#' "$dir/skylift.edges" | mawk '$1 != $2 { if ($1 < $2) print $1, $2, $3; else print $2, $1, $3 }' \
  | LC_ALL=C sort > "$dir/skylift.sorted"
LC_ALL=C sort "$dir/mawk.pairs" > "$dir/mawk.sorted"
if cmp -s "$dir/skylift.sorted" "$dir/mawk.sorted"; then
  echo "identical: $(wc -l < "$dir/mawk.sorted") pairs"
else
  echo "DIFFERENT:"; diff "$dir/skylift.sorted" "$dir/mawk.sorted" | head
  exit 1
fi
