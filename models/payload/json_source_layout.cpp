#include "payload/json_source_layout.h"

namespace {

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A cursor over validated JSON: tokens are located, never checked.
class JsonCursor
{
public:
    explicit JsonCursor(const QByteArray &json) : m_json(json) {}

    char peek()
    {
        skipWhitespace();
        return m_position < m_json.size() ? m_json.at(m_position) : '\0';
    }

    void skip() { ++m_position; }

    // A string, number or literal token, as written.
    QByteArrayView scalarToken()
    {
        skipWhitespace();
        const qsizetype start = m_position;
        if (m_json.at(m_position) == '"') {
            ++m_position;
            while (m_json.at(m_position) != '"')
                m_position += m_json.at(m_position) == '\\' ? 2 : 1;
            ++m_position;
        } else {
            while (m_position < m_json.size() && !isWhitespace(m_json.at(m_position))
                   && !QByteArrayView(",]}").contains(m_json.at(m_position)))
                ++m_position;
        }
        return QByteArrayView(m_json).sliced(start, m_position - start);
    }

private:
    void skipWhitespace()
    {
        while (m_position < m_json.size() && isWhitespace(m_json.at(m_position)))
            ++m_position;
    }

    const QByteArray &m_json;
    qsizetype m_position = 0;
};

char16_t utf16Unit(QByteArrayView hexDigits)
{
    return char16_t(QByteArray(hexDigits.data(), hexDigits.size()).toUShort(nullptr, 16));
}

// The value of a string token: quotes removed, escapes resolved (RFC 8259 §7).
// A \uD83D\uDE00 pair needs no joining: QString holds UTF-16 units.
QString unescaped(QByteArrayView token)
{
    const QByteArrayView body = token.sliced(1, token.size() - 2);
    if (!body.contains('\\'))
        return QString::fromUtf8(body);
    static constexpr QByteArrayView simpleEscapes("\"\"\\\\//b\bf\fn\nr\rt\t");
    QString out;
    qsizetype plainStart = 0;
    qsizetype i = 0;
    while (i < body.size()) {
        if (body.at(i) != '\\') {
            ++i;
            continue;
        }
        out += QString::fromUtf8(body.sliced(plainStart, i - plainStart));
        const char escape = body.at(i + 1);
        i += 2;
        if (escape == 'u') {
            out.append(QChar(utf16Unit(body.sliced(i, 4))));
            i += 4;
        } else {
            out.append(QLatin1Char(simpleEscapes.at(simpleEscapes.indexOf(escape) + 1)));
        }
        plainStart = i;
    }
    out += QString::fromUtf8(body.sliced(plainStart));
    return out;
}

class PrettyWriter
{
public:
    explicit PrettyWriter(const QByteArray &json) : m_cursor(json) {}

    QByteArray write()
    {
        value(0);
        return m_out;
    }

private:
    void value(int level)
    {
        const char first = m_cursor.peek();
        if (first == '{' || first == '[')
            container(first, level);
        else
            m_out += m_cursor.scalarToken();
    }

    void container(char open, int level)
    {
        const char close = open == '{' ? '}' : ']';
        m_cursor.skip();
        m_out += open;
        if (m_cursor.peek() == close) {
            m_cursor.skip();
            m_out += close;
            return;
        }
        for (bool first = true;; first = false) {
            if (!first) {
                m_cursor.skip();   // ','
                m_out += ',';
            }
            newLine(level + 1);
            if (open == '{') {
                m_out += m_cursor.scalarToken();
                m_cursor.peek();
                m_cursor.skip();   // ':'
                m_out += ": ";
            }
            value(level + 1);
            if (m_cursor.peek() == close)
                break;
        }
        m_cursor.skip();
        newLine(level);
        m_out += close;
    }

    void newLine(int level)
    {
        m_out += '\n';
        m_out += QByteArray(level * 2, ' ');
    }

    JsonCursor m_cursor;
    QByteArray m_out;
};

class TreeBuilder
{
public:
    explicit TreeBuilder(const QByteArray &json) : m_cursor(json) {}

    PayloadTreeNode build() { return value(QString()); }

private:
    PayloadTreeNode value(const QString &name)
    {
        PayloadTreeNode node;
        node.name = name;
        const char first = m_cursor.peek();
        if (first == '{' || first == '[') {
            fillContainer(node, first);
            return node;
        }
        const QByteArrayView token = m_cursor.scalarToken();
        switch (first) {
        case '"':
            node.kind = PayloadTreeNode::Kind::String;
            node.value = unescaped(token);
            break;
        case 't':
        case 'f':
            node.kind = PayloadTreeNode::Kind::Boolean;
            node.value = QString::fromLatin1(token);
            break;
        case 'n':
            node.kind = PayloadTreeNode::Kind::Null;
            node.value = QString::fromLatin1(token);
            break;
        default:
            node.kind = PayloadTreeNode::Kind::Number;
            node.value = QString::fromLatin1(token);
            break;
        }
        return node;
    }

    void fillContainer(PayloadTreeNode &node, char open)
    {
        const bool isObject = open == '{';
        const char close = isObject ? '}' : ']';
        node.kind = isObject ? PayloadTreeNode::Kind::Object : PayloadTreeNode::Kind::Array;
        m_cursor.skip();
        while (m_cursor.peek() != close) {
            if (!node.children.empty())
                m_cursor.skip();   // ','
            QString childName;
            if (isObject) {
                childName = unescaped(m_cursor.scalarToken());
                m_cursor.peek();
                m_cursor.skip();   // ':'
            } else {
                childName = QString::number(node.children.size());
            }
            node.children.push_back(value(childName));
        }
        m_cursor.skip();
    }

    JsonCursor m_cursor;
};

} // namespace

QString JsonSourceLayout::prettyText(const QByteArray &validJson)
{
    return QString::fromUtf8(PrettyWriter(validJson).write());
}

PayloadTreeNode JsonSourceLayout::tree(const QByteArray &validJson)
{
    return TreeBuilder(validJson).build();
}
