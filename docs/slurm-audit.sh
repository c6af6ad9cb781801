#!/bin/bash
# A batch audit of donated exports as a Slurm job array: 100 tasks, one per shard, each running
# the same `feedlens audit` over its shard (docs/SCALING.md). Slurm does the scheduling and the
# bookkeeping; Feedlens only needs the task's index.
#
#   mkdir -p logs && sbatch docs/slurm-audit.sh
#   sacct -j <jobid> --format=JobID,State,Elapsed,MaxRSS     # afterwards
#
# A resubmitted array resumes: inputs with an audit.json for the same preset and seed are
# skipped. A bad export is a failed row in that shard's summary, not a failed task.
#SBATCH --job-name=feedlens-audit
#SBATCH --array=0-99%25
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=00:30:00
#SBATCH --output=logs/feedlens-audit-%A_%a.log
set -euo pipefail

# Keep SHARDS equal to the size of --array above (0-99 is 100 shards).
SHARDS=100
FEEDLENS_DIR=${FEEDLENS_DIR:-$HOME/feedlens}   # a clone of the repository after `npm ci`
INPUT=${INPUT:-/scratch/$USER/study/donations}  # one export per entry
OUT=${OUT:-/scratch/$USER/study/audit}          # audit/input=<id>/, summary-K-of-100.csv

cd "$FEEDLENS_DIR"
exec node bin/feedlens.js audit \
  --input "$INPUT" --out "$OUT" \
  --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" \
  --jobs "${SLURM_CPUS_PER_TASK:-1}" \
  --preset tiktok-algo101 --seed 0
