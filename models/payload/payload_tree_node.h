#pragma once

#include <QString>

#include <vector>

// One node of a decoded payload shown as a collapsible tree (JSON, CBOR and,
// later, Protobuf / Sparkplug B). Plain data, GUI-free and immutable once a
// decoder has built it; ui/ maps it onto an item model.
struct PayloadTreeNode
{
    enum class Kind {
        Object,     // JSON object or CBOR map: children are the members
        Array,      // children are the elements, named by their index
        String,
        Number,
        Boolean,
        Null,
        Undefined,  // CBOR undefined
        Bytes,      // CBOR byte string, value is hex
        Tag,        // CBOR tag: value "tag N", one child (the tagged item)
        Simple,     // CBOR simple value
    };

    QString name;   // member key, element index ("0", "1", ...) or empty for the root
    QString value;  // rendered scalar; empty for Object/Array
    Kind kind = Kind::Null;
    std::vector<PayloadTreeNode> children;
};
