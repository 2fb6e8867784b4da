#!/usr/bin/env bash
# Scores the app with the MDN HTTP Observatory scanner (npm @mdn/mdn-http-observatory), the way
# a visitor's browser meets it: gunicorn with production settings on PostgreSQL, over HTTPS on
# port 443 with a certificate from a throwaway CA that only the scanner trusts.
#
#   bash benchmarks/observatory_scan.sh        (needs root for port 443, node/npm, openssl)
#
# Everything it makes lives in a temporary folder and a database named test_observatory.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WORK="$(mktemp -d /tmp/observatory.XXXXXX)"
trap 'kill "${SERVER_PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# A throwaway CA and a certificate for localhost.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/ca.key" -out "$WORK/ca.pem" \
  -days 2 -subj "/CN=backhabits scan CA" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout "$WORK/server.key" -out "$WORK/server.csr" \
  -subj "/CN=localhost" 2>/dev/null
printf 'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' \
  > "$WORK/ext.cnf"
openssl x509 -req -in "$WORK/server.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" \
  -CAcreateserial -out "$WORK/server.pem" -days 2 -extfile "$WORK/ext.cnf" 2>/dev/null

# The scanner. Its install scripts download a CA bundle and Chromium's HSTS preload list from
# the internet; they are skipped: the scanner trusts our CA instead, and localhost is in no
# preload list anyway.
(cd "$WORK" && npm init -y >/dev/null && npm install --silent --ignore-scripts \
  @mdn/mdn-http-observatory >/dev/null)
BUNDLE="$WORK/node_modules/node_extra_ca_certs_mozilla_bundle/ca_bundle"
mkdir -p "$BUNDLE" && cp "$WORK/ca.pem" "$BUNDLE/ca_intermediate_bundle.pem"
echo '{}' > "$WORK/node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json"

export DJANGO_SECRET_KEY="$("$ROOT/.venv/bin/python" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DJANGO_ALLOWED_HOSTS=localhost
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/test_observatory
psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE IF EXISTS test_observatory' \
  -c 'CREATE DATABASE test_observatory'
"$ROOT/.venv/bin/python" manage.py migrate --noinput -v0
"$ROOT/.venv/bin/python" manage.py collectstatic --noinput -v0
"$ROOT/.venv/bin/gunicorn" backhabits.wsgi --bind 127.0.0.1:443 --workers 2 \
  --certfile "$WORK/server.pem" --keyfile "$WORK/server.key" --log-level warning &
SERVER_PID=$!
for _ in $(seq 1 30); do
  curl -s --cacert "$WORK/ca.pem" -o /dev/null https://localhost/healthz && break
  sleep 1
done

"$WORK/node_modules/.bin/mdn-http-observatory-scan" localhost | tee "$WORK/scan.json"
python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print("score:", r["scan"]["score"], r["scan"]["grade"])' "$WORK/scan.json"
