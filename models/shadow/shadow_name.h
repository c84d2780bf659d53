#pragma once

#include <QMetaType>
#include <QString>

// Identifies one AWS IoT device shadow: the classic (unnamed) shadow of a
// thing when `shadow` is empty, otherwise the named shadow `shadow` of that
// thing. Classic and named shadows of the same thing are independent
// documents. A plain value; it does not validate itself (use
// ShadowValidation::validateName()).
struct ShadowName
{
    QString thing;
    QString shadow;  // empty = the classic shadow

    static ShadowName classic(const QString &thing);
    static ShadowName named(const QString &thing, const QString &shadow);

    bool isClassic() const { return shadow.isEmpty(); }
    // Translated, for titles and messages: "press-1 (classic shadow)" or
    // "press-1, shadow \"control\"".
    QString displayName() const;

    friend bool operator==(const ShadowName &, const ShadowName &) = default;
    // Orders by thing, then classic before named, then by shadow name.
    friend bool operator<(const ShadowName &a, const ShadowName &b);
};

size_t qHash(const ShadowName &name, size_t seed = 0) noexcept;

Q_DECLARE_METATYPE(ShadowName)
