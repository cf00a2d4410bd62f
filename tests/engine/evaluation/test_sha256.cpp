// SHA-256: the FIPS 180-4 test vectors, any split of the input into updates,
// and the sums of the shipped data files.
#include "evaluation/sha256.h"
#include "runtime/error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <string>

using namespace rrtf;

class TestSha256 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesKnownDigests_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("digest");

        QTest::newRow("empty") << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc") << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("55 bytes (one block of padding)")
            << QByteArray(55, 'a') << "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318";
        QTest::newRow("56 bytes (two blocks of padding)")
            << QByteArray(56, 'a') << "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a";
        QTest::newRow("64 bytes") << QByteArray(64, 'a')
                                  << "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb";
        QTest::newRow("a million a") << QByteArray(1000000, 'a')
                                     << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    }

    void matchesKnownDigests()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, digest);
        const std::string bytes = input.toStdString();
        QCOMPARE(QString::fromStdString(sha256Hex(bytes)), digest);

        // The same digest whatever the pieces the bytes arrive in.
        for (std::size_t piece : {1, 3, 63, 64, 65, 1000}) {
            Sha256 hash;
            for (std::size_t at = 0; at < bytes.size(); at += piece)
                hash.update(std::string_view(bytes).substr(at, piece));
            QCOMPARE(QString::fromStdString(hash.hexDigest()), digest);
        }
    }

    void hashesFiles()
    {
        const auto path = std::filesystem::path(RRTF_TEST_DATA) / "mbpp" / "mbpp.jsonl";
        QCOMPARE(QString::fromStdString(sha256OfFile(path)),
                 QString("ccf64ceae9c5403bf50a044cb6d505bfd2a2963ee58338ba268fd65beab92a9f"));
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(FormatError, sha256OfFile(dir.filePath("absent").toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "test_sha256.moc"
