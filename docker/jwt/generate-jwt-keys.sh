#!/bin/sh
# One-shot: makes sure the platform's JWT key pair exists (docker-compose.yml, service jwt-keys).
#
# - jwt-private.pem: RSA 2048, PKCS#8 PEM ("BEGIN PRIVATE KEY"); customer-service signs the RS256
#   tokens with it (SMALLRYE_JWT_SIGN_KEY_LOCATION). Generated only when missing, so tokens issued
#   before a restart stay valid.
# - jwt-public.pem: X.509 SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"); every service verifies
#   tokens with it (MP_JWT_VERIFY_PUBLICKEY_LOCATION). Derived from the private key on every run,
#   so the two always match.
#
# The two files live in separate volumes so that only customer-service ever sees the private key.
# They are handed to the services' user (uid 185, see the Dockerfiles), which mounts them read-only.
set -eu

private_dir=${JWT_PRIVATE_DIR:-/keys/private}
public_dir=${JWT_PUBLIC_DIR:-/keys/public}
owner=${JWT_KEY_OWNER:-185:185}
private_key="$private_dir/jwt-private.pem"
public_key="$public_dir/jwt-public.pem"

umask 077
if [ -s "$private_key" ]; then
    echo "jwt-keys: keeping the existing key pair"
else
    echo "jwt-keys: generating a new RSA key pair"
    openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$private_key.tmp"
    mv -f "$private_key.tmp" "$private_key"
fi

openssl pkey -in "$private_key" -pubout -out "$public_key.tmp"
mv -f "$public_key.tmp" "$public_key"

chown "$owner" "$private_key" "$public_key"
chmod 0400 "$private_key"
chmod 0444 "$public_key"
echo "jwt-keys: $private_key and $public_key are ready"
