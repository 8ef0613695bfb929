#!/bin/sh
# Narrate an archive as a Cloud Run Job: 64 tasks, 8 at once. Cloud Run sets
# CLOUD_RUN_TASK_INDEX and CLOUD_RUN_TASK_COUNT in every task; narrate reads
# both. A task that exits non-zero is retried up to --max-retries times;
# exit 3 (some articles failed) is worth retrying, a rerun retries only those.
set -eu
PROJECT=${PROJECT:?set PROJECT}
REGION=${REGION:-europe-west1}
IMAGE=${IMAGE:-$REGION-docker.pkg.dev/$PROJECT/narrate/narrate:latest}

gcloud run jobs create narrate-archive \
  --project "$PROJECT" --region "$REGION" \
  --image "$IMAGE" \
  --tasks 64 --parallelism 8 --max-retries 3 --task-timeout 6h \
  --cpu 1 --memory 1Gi \
  --service-account "narrate@$PROJECT.iam.gserviceaccount.com" \
  --add-volume name=manifest,type=cloud-storage,bucket=newsroom-manifests,readonly=true \
  --add-volume-mount volume=manifest,mount-path=/manifest \
  --args=batch,--manifest=/manifest/archive.jsonl,--out=gs://newsroom-audio/archive,--cache=gs://newsroom-audio-cache/clips,--voice=google:en-US-Neural2-F,--jobs=4,--qps=2

gcloud run jobs execute narrate-archive --project "$PROJECT" --region "$REGION" --wait
