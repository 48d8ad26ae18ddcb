#!/bin/sh
# Generates CIBs with shared/tools/gen_cib.py into /tmp and times Vigil's scheduler on them
# and crm_simulate -R on the same files when it is installed (each capped at CRM_SIMULATE_CAP seconds, default 60).
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
# Pacemaker's own scheduler on the same files (-R: schedule only), capped: the large ones take minutes.
cap=${CRM_SIMULATE_CAP:-60}
if command -v crm_simulate >/dev/null 2>&1; then
  printf '%-40s %12s %12s\n' "crm_simulate -R" "wall" "peak-rss-MB"
  for f in $files; do
    shadow=$(mktemp -d)
    s=$(date +%s%N)
    if CIB_shadow_dir=$shadow /usr/bin/time -f '%M' -o "$shadow/rss" timeout "$cap" crm_simulate -x "$f" -R >/dev/null 2>&1; then
      e=$(date +%s%N)
      printf '%-40s %10d ms %12d\n' "$(basename "$f")" $(( (e - s) / 1000000 )) $(( $(tail -1 "$shadow/rss") / 1024 ))
    else
      printf '%-40s %12s %12s\n' "$(basename "$f")" "> $cap s" "-"
    fi
    rm -rf "$shadow"
  done
fi
