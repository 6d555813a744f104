#pragma once
// CSS selectors as XPath 1.0, the way Scrapy's parsel/cssselect translate them, so that one
// engine (libxml2's XPath) answers both. Supported: type and *, #id, .class, attribute tests
// ([a], =, ~=, |=, ^=, $=, *=), the combinators (descendant, >, +, ~), groups (a, b), and the
// pseudo-classes :first-child, :last-child, :only-child, :nth-child(n|odd|even),
// :first-of-type, :last-of-type, :nth-of-type(n), :empty, :not(simple selectors) and parsel's
// :contains("text"). Anything else is an error that names the position, never a guess.
// A class test is written fliptech-has-class('name'), a function HtmlDocument registers (the
// XPath 1.0 form, contains(concat(' ', normalize-space(@class), ' '), ' name '), made four
// strings per element tested: a third of a page's extraction time).

#include "fliptech/core/error.h"

#include <QString>

namespace fliptech::net {

// `css` as an XPath expression relative to a context node (it matches the node itself and its
// descendants, as parsel does).
core::Result<QString> cssToXPath(const QString &css);

} // namespace fliptech::net
