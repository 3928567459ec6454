#!/bin/sh
# The anomaly-detection page's curl commands (seed 004), verbatim: create anomalyuser and map it to
# anomaly_full_access, on the local cluster (port 9200) and again on the remote one (port 9250).
# Read them, with api-requests.console, on top of the role definitions they rely on:
#   npx policyc check examples/anomaly-detection/setup.sh examples/anomaly-detection/api-requests.console --base examples/anomaly-detection/roles.yml --requests examples/anomaly-detection/requests.jsonl

curl -XPUT -k -u 'admin:<custom-admin-password>' 'https://localhost:9200/_plugins/_security/api/internalusers/anomalyuser' -H 'Content-Type: application/json' -d '{"password":"password"}'

curl -XPUT -k -u 'admin:<custom-admin-password>' -H 'Content-Type: application/json' 'https://localhost:9200/_plugins/_security/api/rolesmapping/anomaly_full_access' -d '{"users" : ["anomalyuser"]}'

curl -XPUT -k -u 'admin:<custom-admin-password>' 'https://localhost:9250/_plugins/_security/api/internalusers/anomalyuser' -H 'Content-Type: application/json' -d '{"password":"password"}'
curl -XPUT -k -u 'admin:<custom-admin-password>' -H 'Content-Type: application/json' 'https://localhost:9250/_plugins/_security/api/rolesmapping/anomaly_full_access' -d '{"users" : ["anomalyuser"]}'
