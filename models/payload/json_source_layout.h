#pragma once

#include "payload/payload_tree_node.h"

#include <QByteArray>
#include <QString>

// Lays out a JSON text in the order it was written: object members as the
// device sent them (duplicates kept), numbers and strings exactly as written.
// QJsonObject sorts keys and merges duplicates, which hides how a device
// really builds its payload.
//
// Only for text that JsonDecoder::parse() accepted: the reader trusts the
// syntax, and its recursion is bounded by the decoder's nesting limit.
class JsonSourceLayout
{
public:
    // Two-space indentation, one value per line, empty containers as {} / [].
    static QString prettyText(const QByteArray &validJson);
    static PayloadTreeNode tree(const QByteArray &validJson);
};
