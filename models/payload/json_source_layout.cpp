#include "payload/json_source_layout.h"

#include <vector>

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

// Where a value sits in its container: the key token as written (objects)
// or the element index (arrays); index -1 is the top-level value.
struct JsonMember
{
    QByteArrayView key;
    qsizetype index = -1;
};

// What the walk reports, in document order.
class JsonVisitor
{
public:
    virtual ~JsonVisitor() = default;
    virtual void scalar(const JsonMember &member, QByteArrayView token) = 0;
    virtual void beginContainer(const JsonMember &member, char open) = 0;
    virtual void endContainer(char close, qsizetype count) = 0;
};

// The one container walk both layouts share.
void walk(JsonCursor &cursor, JsonVisitor &visitor, const JsonMember &member = {})
{
    const char open = cursor.peek();
    if (open != '{' && open != '[') {
        visitor.scalar(member, cursor.scalarToken());
        return;
    }
    const char close = open == '{' ? '}' : ']';
    visitor.beginContainer(member, open);
    cursor.skip();
    qsizetype count = 0;
    for (; cursor.peek() != close; ++count) {
        if (count > 0)
            cursor.skip();   // ','
        JsonMember child{{}, count};
        if (open == '{') {
            child.key = cursor.scalarToken();
            cursor.peek();
            cursor.skip();   // ':'
        }
        walk(cursor, visitor, child);
    }
    cursor.skip();
    visitor.endContainer(close, count);
}

class PrettyWriter : public JsonVisitor
{
public:
    QByteArray text() const { return m_out; }

    void scalar(const JsonMember &member, QByteArrayView token) override
    {
        startMember(member);
        m_out += token;
    }

    void beginContainer(const JsonMember &member, char open) override
    {
        startMember(member);
        m_out += open;
        ++m_level;
    }

    void endContainer(char close, qsizetype count) override
    {
        --m_level;
        if (count > 0)
            newLine();
        m_out += close;
    }

private:
    void startMember(const JsonMember &member)
    {
        if (member.index < 0)
            return;
        if (member.index > 0)
            m_out += ',';
        newLine();
        if (!member.key.isEmpty()) {
            m_out += member.key;
            m_out += ": ";
        }
    }

    void newLine()
    {
        m_out += '\n';
        m_out += QByteArray(m_level * 2, ' ');
    }

    QByteArray m_out;
    int m_level = 0;
};

class TreeBuilder : public JsonVisitor
{
public:
    PayloadTreeNode tree() const { return m_root; }

    void scalar(const JsonMember &member, QByteArrayView token) override
    {
        PayloadTreeNode &node = place(member);
        switch (token.at(0)) {
        case '"':
            node.kind = PayloadTreeNode::Kind::String;
            node.value = unescaped(token);
            return;
        case 't':
        case 'f':
            node.kind = PayloadTreeNode::Kind::Boolean;
            break;
        case 'n':
            node.kind = PayloadTreeNode::Kind::Null;
            break;
        default:
            node.kind = PayloadTreeNode::Kind::Number;
            break;
        }
        node.value = QString::fromLatin1(token);
    }

    void beginContainer(const JsonMember &member, char open) override
    {
        PayloadTreeNode &node = place(member);
        node.kind = open == '{' ? PayloadTreeNode::Kind::Object : PayloadTreeNode::Kind::Array;
        m_open.push_back(&node);
    }

    void endContainer(char, qsizetype) override { m_open.pop_back(); }

private:
    // Only the innermost open container grows, so the pointers in m_open stay valid.
    PayloadTreeNode &place(const JsonMember &member)
    {
        if (m_open.empty())
            return m_root;
        PayloadTreeNode &node = m_open.back()->children.emplace_back();
        node.name = member.key.isEmpty() ? QString::number(member.index) : unescaped(member.key);
        return node;
    }

    PayloadTreeNode m_root;
    std::vector<PayloadTreeNode *> m_open;
};

} // namespace

QString JsonSourceLayout::prettyText(const QByteArray &validJson)
{
    JsonCursor cursor(validJson);
    PrettyWriter writer;
    walk(cursor, writer);
    return QString::fromUtf8(writer.text());
}

PayloadTreeNode JsonSourceLayout::tree(const QByteArray &validJson)
{
    JsonCursor cursor(validJson);
    TreeBuilder builder;
    walk(cursor, builder);
    return builder.tree();
}
