#include "fliptech/ai/sentiment.h"

#include <QHash>
#include <QList>

#include <algorithm>
#include <cmath>

namespace fliptech::ai {

namespace {

struct Lexicon {
    QHash<QString, double> words;
    QHash<QString, QHash<QString, double>> bigrams; // "sounds good", "no thanks": first word → second word → weight
    QHash<QString, int> negators, boosters;
    Lexicon()
    {
        const std::pair<const char *, double> w[] = {
            {"interested", 2}, {"great", 2}, {"good", 1.5}, {"love", 2.5}, {"like", 1}, {"thanks", 0.8}, {"thank", 0.8},
            {"perfect", 2.5}, {"awesome", 2.5}, {"excellent", 2.5}, {"amazing", 2.5}, {"happy", 2}, {"glad", 2},
            {"yes", 1.5}, {"sure", 1.2}, {"definitely", 1.5}, {"absolutely", 1.8}, {"keen", 1.8}, {"excited", 2.2},
            {"helpful", 1.5}, {"appreciate", 1.5}, {"nice", 1.5}, {"wonderful", 2.5}, {"fantastic", 2.5}, {"cool", 1.2},
            {"impressed", 2}, {"curious", 1}, {"ok", 0.5}, {"okay", 0.5}, {"fine", 0.5}, {"agree", 1.2}, {"welcome", 1},
            {"bad", -2}, {"terrible", -3}, {"awful", -3}, {"hate", -3}, {"spam", -2.5}, {"annoying", -2.5}, {"annoyed", -2.5},
            {"stop", -1.5}, {"unsubscribe", -2}, {"remove", -1.5}, {"expensive", -1.5}, {"waste", -2.5}, {"scam", -3},
            {"no", -1}, {"never", -1.5}, {"busy", -0.8}, {"unfortunately", -1.5}, {"sorry", -0.5}, {"disappointed", -2.5},
            {"angry", -2.5}, {"useless", -2.5}, {"poor", -2}, {"worse", -2}, {"worst", -3}, {"problem", -1}, {"complaint", -2},
            {"rude", -2.5}, {"harassment", -3}, {"report", -1}, {"unsolicited", -2.5}, {"irrelevant", -2}, {"leave", -1},
        };
        for (const auto &[k, v] : w)
            words.insert(QString::fromLatin1(k), v);
        const std::pair<const char *, double> b[] = {
            {"sounds good", 2.5}, {"sounds great", 3}, {"no thanks", -2.5}, {"no thank", -2.5}, {"not interested", -3},
            {"tell me", 1}, {"more info", 1.2}, {"more information", 1.2}, {"go ahead", 1.5}, {"let's talk", 2}, {"lets talk", 2},
            {"well done", 2}, {"good job", 2}, {"too expensive", -2.5}, {"not now", -1.5}, {"stop emailing", -3}, {"stop sending", -3},
        };
        for (const auto &[k, v] : b) {
            const QString pair = QString::fromLatin1(k);
            bigrams[pair.section(QLatin1Char(' '), 0, 0)].insert(pair.section(QLatin1Char(' '), 1), v);
        }
        for (const char *n : {"not", "no", "never", "dont", "don't", "doesnt", "doesn't", "isnt", "isn't", "wasnt", "wasn't", "wont", "won't",
                              "cant", "can't", "cannot", "didnt", "didn't", "arent", "aren't", "neither", "nor", "without", "hardly", "nothing"})
            negators.insert(QString::fromLatin1(n), 1);
        for (const char *n : {"very", "really", "extremely", "so", "super", "truly", "totally", "incredibly", "quite"})
            boosters.insert(QString::fromLatin1(n), 1);
    }
};

const Lexicon &lexicon()
{
    static const Lexicon l;
    return l;
}

// Lower-case words of letters, digits and apostrophes; '?' kept as a token of its own.
void tokenize(QStringView text, QList<QString> &out)
{
    out.clear();
    QString word;
    for (const QChar c : text) {
        if (c.isLetterOrNumber() || ((c == QLatin1Char('\'') || c == QChar(0x2019)) && !word.isEmpty())) {
            word.append(c == QChar(0x2019) ? QLatin1Char('\'') : c.toLower());
        } else {
            if (!word.isEmpty()) {
                out.append(word);
                word.clear();
            }
            if (c == QLatin1Char('?'))
                out.append(QStringLiteral("?"));
            else if (c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('\n'))
                out.append(QStringLiteral("."));
        }
    }
    if (!word.isEmpty())
        out.append(word);
}

bool containsAny(QStringView lower, std::initializer_list<const char16_t *> phrases)
{
    for (const char16_t *p : phrases)
        if (lower.contains(QStringView(p)))
            return true;
    return false;
}

} // namespace

QStringView replyPart(QStringView text)
{
    // The reply ends where the message it answers begins: a quoted line, "On <date> <name>
    // wrote:", Outlook's "-----Original Message-----" or its "From:" header block. (Only after
    // the reply's first line, so a message that is all quote keeps its text.)
    qsizetype end = text.size();
    auto earlier = [&](qsizetype at) {
        if (at > 0 && at < end)
            end = at;
    };
    earlier(text.indexOf(u"\n>"));
    earlier(text.indexOf(u"-----Original Message-----"));
    earlier(text.indexOf(u"\nFrom: "));
    earlier(text.indexOf(u"\n________________________________"));
    for (qsizetype at = text.indexOf(u"\nOn "); at >= 0 && at < end; at = text.indexOf(u"\nOn ", at + 4)) {
        const qsizetype nl = text.indexOf(u'\n', at + 4);
        const QStringView line = text.mid(at, (nl < 0 ? text.size() : qMin(nl + 200, text.size())) - at);
        if (line.contains(u"wrote:") || line.contains(u"schrieb:") || line.contains(u"a écrit")) {
            earlier(at);
            break;
        }
    }
    return text.left(end);
}

SentimentResult classifySentiment(QStringView whole)
{
    const Lexicon &lex = lexicon();
    const QStringView text = replyPart(whole);
    thread_local QList<QString> tokens;
    tokenize(text.left(20000), tokens);

    double score = 0, magnitude = 0;
    int negateFor = 0;
    double boost = 1, afterBut = 1;
    int questions = 0;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &t = tokens[i];
        if (t == QLatin1String(".")) {
            negateFor = 0;
            continue;
        }
        if (t == QLatin1String("?")) {
            ++questions;
            negateFor = 0;
            continue;
        }
        if (t == QLatin1String("but") || t == QLatin1String("however")) {
            score *= 0.5;
            afterBut = 1.5;
            continue;
        }
        double weight = 0;
        bool pair = false;
        if (i + 1 < tokens.size()) {
            if (const auto first = lex.bigrams.constFind(t); first != lex.bigrams.cend()) {
                if (const auto it = first->constFind(tokens[i + 1]); it != first->cend()) {
                    weight = *it;
                    pair = true;
                }
            }
        }
        if (!pair) {
            if (lex.negators.contains(t)) {
                // "no" alone is also a word of its own ("No.", "no, thanks"); as a negator it
                // turns what follows.
                if (t == QLatin1String("no") && (i + 1 == tokens.size() || tokens[i + 1] == QLatin1String("."))) {
                    weight = lex.words.value(t); // "No." is an answer of its own, not a negation
                } else {
                    negateFor = 3;
                    continue;
                }
            } else if (lex.boosters.contains(t)) {
                boost = 1.5;
                continue;
            } else {
                weight = lex.words.value(t);
            }
        }
        if (weight != 0) {
            if (negateFor > 0 && !pair)
                weight = -weight * 0.8;
            weight *= boost * afterBut;
            score += weight;
            magnitude += std::abs(weight);
            boost = 1;
        }
        if (pair)
            ++i;
        if (negateFor > 0)
            --negateFor;
    }

    SentimentResult result;
    result.score = score / std::sqrt(score * score + 6.0); // -1..1, saturating
    result.label = result.score >= 0.2 ? QStringLiteral("positive") : result.score <= -0.2 ? QStringLiteral("negative") : QStringLiteral("neutral");

    const QString lower = text.left(20000).toString().toLower().replace(QChar(0x2019), QLatin1Char('\''));
    if (containsAny(lower, {u"unsubscribe", u"remove me", u"take me off", u"stop emailing", u"stop sending", u"stop contacting",
                            u"opt out", u"opt-out", u"do not contact", u"don't contact", u"do not email", u"don't email",
                            u"remove my email", u"remove us from", u"no more emails", u"off your list", u"off your mailing"})) {
        result.intent = QStringLiteral("unsubscribe_request");
        result.confidence = 0.9;
    } else if (containsAny(lower, {u"not interested", u"no thanks", u"no thank you", u"not at this time", u"not right now", u"we're all set",
                                   u"we are all set", u"we're good", u"we are good", u"already have a", u"already have someone",
                                   u"already work with", u"not looking", u"not in the market", u"pass on this", u"we'll pass", u"not for us",
                                   u"not really interested", u"no longer interested", u"aren't interested", u"are not interested",
                                   u"am not interested", u"isn't something we", u"don't need a", u"do not need a", u"no need for",
                                   u"happy with our current", u"happy with our website", u"happy with the one we have"})) {
        result.intent = QStringLiteral("not_interested");
        result.confidence = 0.85;
    } else if (containsAny(lower, {u"schedule a call", u"set up a call", u"book a call", u"hop on a call", u"jump on a call", u"give me a call",
                                   u"call me", u"meet ", u"meeting", u"calendly", u"zoom", u"google meet", u"teams call", u"available on",
                                   u"free on", u"free next", u"available next", u"what time", u"let's talk", u"lets talk", u"let's chat",
                                   u"phone call", u"speak with you", u"talk next week", u"chat next week", u"calendar"})) {
        result.intent = QStringLiteral("meeting_request");
        result.confidence = 0.8;
    } else if (containsAny(lower, {u"interested", u"sounds good", u"sounds great", u"tell me more", u"send me more", u"send over",
                                   u"more info", u"love to", u"would like to", u"i'd like", u"we'd like", u"how much", u"pricing",
                                   u"a quote", u"the cost", u"go ahead", u"let's do it", u"count me in", u"sign us up", u"yes please"})) {
        result.intent = QStringLiteral("interested");
        result.confidence = result.label == QLatin1String("negative") ? 0.5 : 0.75;
    } else if (questions > 0) {
        result.intent = QStringLiteral("question");
        result.confidence = 0.6;
    } else {
        result.intent = QStringLiteral("none");
        result.confidence = 0.4 + 0.4 * std::min(1.0, magnitude / 5.0);
    }
    // What the intent says outweighs a lexicon that missed it.
    if (result.intent == QLatin1String("unsubscribe_request") || result.intent == QLatin1String("not_interested")) {
        result.label = QStringLiteral("negative");
        result.score = std::min(result.score, -0.3);
    } else if ((result.intent == QLatin1String("interested") || result.intent == QLatin1String("meeting_request")) && result.label == QLatin1String("negative") && result.score > -0.5) {
        result.label = QStringLiteral("positive");
        result.score = std::max(result.score, 0.3);
    }
    return result;
}

} // namespace fliptech::ai
