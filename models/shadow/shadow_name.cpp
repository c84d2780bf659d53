#include "shadow_name.h"

#include <QCoreApplication>
#include <QHashFunctions>

ShadowName ShadowName::classic(const QString &thing)
{
    return ShadowName{thing, QString()};
}

ShadowName ShadowName::named(const QString &thing, const QString &shadow)
{
    return ShadowName{thing, shadow};
}

QString ShadowName::displayName() const
{
    if (isClassic()) {
        return QCoreApplication::translate("ShadowName", "%1 (classic shadow)").arg(thing);
    }
    return QCoreApplication::translate("ShadowName", "%1, shadow \"%2\"").arg(thing, shadow);
}

bool operator<(const ShadowName &a, const ShadowName &b)
{
    if (a.thing != b.thing) {
        return a.thing < b.thing;
    }
    // The empty (classic) name sorts first.
    return a.shadow < b.shadow;
}

size_t qHash(const ShadowName &name, size_t seed) noexcept
{
    return qHashMulti(seed, name.thing, name.shadow);
}
