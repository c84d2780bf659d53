#pragma once

#include <QByteArray>

// A client identity as it travels in memory: from the importer to the vault,
// and from the vault to a connection. Never persisted by anything but the
// vault's keychain entries, never logged.
//
// Holders should call wipe() as soon as the material is handed on.
struct CertificateIdentity
{
    QByteArray certificateChainPem;  // client certificate first, then intermediates
    QByteArray privateKeyPem;        // PKCS #8, unencrypted ("PRIVATE KEY"); the keychain protects it
    QByteArray caCertificatesPem;    // trust anchors imported with it; may be empty

    bool isEmpty() const { return certificateChainPem.isEmpty() && privateKeyPem.isEmpty(); }

    // Overwrites the key bytes this object owns alone, then empties all fields.
    void wipe();

    // Overwrites bytes that no other QByteArray shares, then clears it.
    static void wipe(QByteArray &bytes);
};
