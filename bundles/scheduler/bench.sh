#!/bin/sh
# Generates CIBs with shared/tools/gen_cib.py into /tmp and times Vigil's scheduler on them
# (and crm_simulate -R on the small ones when it is installed).
set -e
here=$(cd "$(dirname "$0")" && pwd)
gen="$here/../../../shared/tools/gen_cib.py"
out=/tmp/vigil-bench
mkdir -p "$out"
files=""
for size in 3x50 16x2000 32x5000 32x10000; do
  n=${size%x*}; m=${size#*x}
  for st in none running; do
    f="$out/cib-${size}-${st}.xml"
    if [ ! -s "$f" ]; then
      if [ "$st" = running ]; then python3 "$gen" --nodes "$n" --resources "$m" --seed 1 --status running -o "$f"
      else python3 "$gen" --nodes "$n" --resources "$m" --seed 1 -o "$f"; fi
    fi
    files="$files $f"
  done
done
cp=$(ls "$here"/target/io.vigil.scheduler-*.jar | grep -v sources | head -1)
cib=$(ls ~/.m2/repository/io/vigil/io.vigil.cib/*/io.vigil.cib-*.jar | head -1)
gson=$(ls ~/.m2/repository/com/google/code/gson/gson/*/gson-*.jar | head -1)
java -Xss16m -Xmx4g -cp "$cp:$cib:$gson" io.vigil.scheduler.tool.SchedulerBenchmark $files
if command -v crm_simulate >/dev/null 2>&1; then
  for f in "$out"/cib-3x50-*.xml; do
    s=$(date +%s%N); CIB_shadow_dir=$(mktemp -d) crm_simulate -x "$f" -R >/dev/null 2>&1 || true; e=$(date +%s%N)
    echo "crm_simulate -R $(basename "$f"): $(( (e - s) / 1000000 )) ms"
  done
fi
