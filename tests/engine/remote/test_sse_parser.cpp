// The server-sent events parser on the streams OpenAI-compatible servers send, and on
// what the format allows that they seldom send (CR line ends, comments, a byte order
// mark, ids, retry), fed whole and in every split.
#include "remote/sse_parser.h"
#include "runtime/error.h"

#include <QtTest>

using namespace rrtf;

namespace {

struct Seen {
    std::vector<ServerSentEvent> events;
    bool clean = false;
};

Seen parseWhole(const std::string& stream)
{
    SseParser parser;
    Seen seen{parser.feed(stream), false};
    seen.clean = parser.finish();
    return seen;
}

// The stream in pieces of `size` bytes: the same events must come out.
Seen parseInPieces(const std::string& stream, std::size_t size)
{
    SseParser parser;
    Seen seen;
    for (std::size_t at = 0; at < stream.size(); at += size)
        for (auto& event : parser.feed(std::string_view(stream).substr(at, size)))
            seen.events.push_back(std::move(event));
    seen.clean = parser.finish();
    return seen;
}

QStringList describe(const std::vector<ServerSentEvent>& events)
{
    QStringList lines;
    for (const auto& event : events)
        lines << QString::fromStdString(event.type + "|" + event.data + "|" + event.lastEventId);
    return lines;
}

}  // namespace

class TestSseParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesStreams_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QStringList>("events");  // type|data|last id
        QTest::addColumn<bool>("clean");

        QTest::newRow("openai completion chunks") << QByteArray(
            "data: {\"choices\":[{\"text\":\"def\",\"index\":0}]}\n\n"
            "data: {\"choices\":[{\"text\":\" f\",\"index\":0}]}\n\n"
            "data: [DONE]\n\n")
            << QStringList{"message|{\"choices\":[{\"text\":\"def\",\"index\":0}]}|",
                           "message|{\"choices\":[{\"text\":\" f\",\"index\":0}]}|", "message|[DONE]|"}
            << true;
        QTest::newRow("CRLF line ends") << QByteArray("data: a\r\n\r\ndata: b\r\n\r\n")
                                        << QStringList{"message|a|", "message|b|"} << true;
        QTest::newRow("CR line ends") << QByteArray("data: a\r\rdata: b\r\r") << QStringList{"message|a|", "message|b|"}
                                      << true;
        QTest::newRow("data lines joined") << QByteArray("data: one\ndata: two\ndata\n\n")
                                           << QStringList{"message|one\ntwo\n|"} << true;
        QTest::newRow("event type, id carried over") << QByteArray("event: error\nid: 7\ndata: x\n\ndata: y\n\n")
                                                     << QStringList{"error|x|7", "message|y|7"} << true;
        QTest::newRow("no space after the colon, two kept")
            << QByteArray("data:a\ndata:  b\n\n") << QStringList{"message|a\n b|"} << true;
        QTest::newRow("comments and unknown fields")
            << QByteArray(": keep-alive\nfoo: bar\ndata: x\n\n: ping\n\n") << QStringList{"message|x|"} << true;
        QTest::newRow("blank lines without data") << QByteArray("\n\nevent: nothing\n\ndata: x\n\n")
                                                  << QStringList{"message|x|"} << true;
        QTest::newRow("an empty data field is an event") << QByteArray("data\n\n") << QStringList{"message||"} << true;
        QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF" "data: x\n\n") << QStringList{"message|x|"}
                                         << true;
        QTest::newRow("cut mid-event") << QByteArray("data: x\n\ndata: {\"choi")
                                       << QStringList{"message|x|"} << false;
        QTest::newRow("cut before the blank line") << QByteArray("data: x\n") << QStringList{} << false;
    }

    void parsesStreams()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QStringList, events);
        QFETCH(bool, clean);
        const std::string text = stream.toStdString();
        const Seen whole = parseWhole(text);
        QCOMPARE(describe(whole.events), events);
        QCOMPARE(whole.clean, clean);
        for (std::size_t size = 1; size <= 4; ++size) {
            const Seen pieces = parseInPieces(text, size);
            QCOMPARE(describe(pieces.events), events);
            QCOMPARE(pieces.clean, clean);
        }
    }

    void readsRetryAdvice()
    {
        SseParser parser;
        QVERIFY(!parser.retryMs());
        parser.feed("retry: 1500\n\nretry: soon\n\n");
        QCOMPARE(parser.retryMs().value_or(-1), 1500L);  // a value that is not digits is ignored
    }

    void refusesAnUnboundedLine()
    {
        SseParser parser(64);
        parser.feed("data: " + std::string(40, 'x'));
        try {
            parser.feed(std::string(40, 'y'));
            QFAIL("a line past the limit was taken");
        } catch (const FormatError& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains("longer than 64 bytes"), qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "test_sse_parser.moc"
