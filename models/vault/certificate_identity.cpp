#include "certificate_identity.h"

#include <openssl/crypto.h>

void CertificateIdentity::wipe(QByteArray &bytes)
{
    // A shared buffer is still in use elsewhere; its last owner wipes it.
    if (bytes.isDetached() && !bytes.isEmpty()) {
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
    }
    bytes.clear();
}

void CertificateIdentity::wipe()
{
    wipe(privateKeyPem);
    certificateChainPem.clear();
    caCertificatesPem.clear();
}
