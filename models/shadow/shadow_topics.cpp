#include "shadow_topics.h"

namespace {

const QLatin1String AwsLevel("$aws");
const QLatin1String ThingsLevel("things");
const QLatin1String ShadowLevel("shadow");
const QLatin1String NameLevel("name");

std::optional<ShadowTopics::Operation> operationFromName(QStringView name)
{
    if (name == QLatin1String("get")) {
        return ShadowTopics::Operation::Get;
    }
    if (name == QLatin1String("update")) {
        return ShadowTopics::Operation::Update;
    }
    if (name == QLatin1String("delete")) {
        return ShadowTopics::Operation::Delete;
    }
    return std::nullopt;
}

std::optional<ShadowTopics::Kind> kindFromSuffix(ShadowTopics::Operation operation, QStringView suffix)
{
    if (suffix == QLatin1String("accepted")) {
        return ShadowTopics::Kind::Accepted;
    }
    if (suffix == QLatin1String("rejected")) {
        return ShadowTopics::Kind::Rejected;
    }
    if (operation == ShadowTopics::Operation::Update && suffix == QLatin1String("delta")) {
        return ShadowTopics::Kind::Delta;
    }
    if (operation == ShadowTopics::Operation::Update && suffix == QLatin1String("documents")) {
        return ShadowTopics::Kind::Documents;
    }
    return std::nullopt;
}

QString kindSuffix(ShadowTopics::Kind kind)
{
    switch (kind) {
    case ShadowTopics::Kind::Request:
        return {};
    case ShadowTopics::Kind::Accepted:
        return QStringLiteral("/accepted");
    case ShadowTopics::Kind::Rejected:
        return QStringLiteral("/rejected");
    case ShadowTopics::Kind::Delta:
        return QStringLiteral("/delta");
    case ShadowTopics::Kind::Documents:
        return QStringLiteral("/documents");
    }
    return {};
}

} // namespace

QString ShadowTopics::prefix(const ShadowName &shadow)
{
    QString topic = QLatin1String("$aws/things/") + shadow.thing + QLatin1String("/shadow");
    if (!shadow.isClassic()) {
        topic += QLatin1String("/name/") + shadow.shadow;
    }
    return topic;
}

QString ShadowTopics::topic(const ShadowName &shadow, Operation operation, Kind kind)
{
    if ((kind == Kind::Delta || kind == Kind::Documents) && operation != Operation::Update) {
        return {};
    }
    return prefix(shadow) + QLatin1Char('/') + operationName(operation) + kindSuffix(kind);
}

QStringList ShadowTopics::replyTopics(const ShadowName &shadow)
{
    QStringList topics;
    for (Operation operation : {Operation::Get, Operation::Update, Operation::Delete}) {
        topics.append(topic(shadow, operation, Kind::Accepted));
        topics.append(topic(shadow, operation, Kind::Rejected));
    }
    topics.append(topic(shadow, Operation::Update, Kind::Delta));
    topics.append(topic(shadow, Operation::Update, Kind::Documents));
    return topics;
}

QString ShadowTopics::serviceFilter()
{
    return QStringLiteral("$aws/things/+/shadow/#");
}

QString ShadowTopics::namedShadowsFilter(const QString &thing)
{
    return QLatin1String("$aws/things/") + thing + QLatin1String("/shadow/name/#");
}

std::optional<ShadowTopics::Parsed> ShadowTopics::parse(const QString &topic)
{
    const QList<QStringView> levels = QStringView(topic).split(QLatin1Char('/'));
    // classic: $aws things T shadow op [suffix]        -> 5 or 6 levels
    // named:   $aws things T shadow name S op [suffix] -> 7 or 8 levels
    if (levels.size() < 5 || levels.size() > 8 || levels.at(0) != AwsLevel || levels.at(1) != ThingsLevel
        || levels.at(3) != ShadowLevel || levels.at(2).isEmpty()) {
        return std::nullopt;
    }
    Parsed parsed;
    parsed.shadow.thing = levels.at(2).toString();
    qsizetype next = 4;
    if (levels.at(4) == NameLevel) {
        if (levels.size() < 7 || levels.at(5).isEmpty()) {
            return std::nullopt;
        }
        parsed.shadow.shadow = levels.at(5).toString();
        next = 6;
    } else if (levels.size() > 6) {
        return std::nullopt;
    }
    const std::optional<Operation> operation = operationFromName(levels.at(next));
    if (!operation) {
        return std::nullopt;
    }
    parsed.operation = *operation;
    const qsizetype remaining = levels.size() - next - 1;
    if (remaining == 0) {
        parsed.kind = Kind::Request;
        return parsed;
    }
    if (remaining != 1) {
        return std::nullopt;
    }
    const std::optional<Kind> kind = kindFromSuffix(*operation, levels.at(next + 1));
    if (!kind) {
        return std::nullopt;
    }
    parsed.kind = *kind;
    return parsed;
}

QString ShadowTopics::operationName(Operation operation)
{
    switch (operation) {
    case Operation::Get:
        return QStringLiteral("get");
    case Operation::Update:
        return QStringLiteral("update");
    case Operation::Delete:
        return QStringLiteral("delete");
    }
    return {};
}
