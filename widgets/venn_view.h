#pragma once
// Which problems each model solves: a Venn diagram for up to three models and
// an UpSet plot for more (or on request). Regions are clickable, hoverable and
// reachable by keyboard (Tab/arrows move, Enter activates).

#include <QMap>
#include <QStringList>
#include <QWidget>

class QPainter;

namespace rrtf {

class VennView : public QWidget {
    Q_OBJECT

public:
    static constexpr quint32 NoRegion = 0xFFFFFFFFu;  // regionAt() on empty space
    static constexpr int MaxModels = 31;              // keeps NoRegion out of the mask range

    explicit VennView(QWidget* parent = nullptr);
    ~VennView() override;

    // counts: subset mask (bit i = model i) -> problems solved by exactly those
    // models. Key 0 and bits beyond the model count are ignored; solvedByNone is
    // the count outside every set. Models beyond MaxModels are dropped.
    void setData(const QStringList& modelNames, const QMap<quint32, int>& counts, int solvedByNone);
    void clear();

    QStringList modelNames() const { return m_names; }
    int count(quint32 mask) const;  // mask 0: solved by none
    int solvedByNone() const { return m_none; }
    int setSize(int model) const;   // problems solved by a model, alone or not

    // The UpSet plot is always used for more than three models; this asks for
    // it with fewer too.
    void setUpSetMode(bool on);
    bool upSetMode() const { return m_upSetRequested; }
    bool isUpSetShown() const;

    // Hit testing in widget coordinates: the mask under pos (0 = solved by none)
    // or NoRegion.
    quint32 regionAt(const QPointF& pos) const;
    // The regions in keyboard order: Venn: masks by size then value, then 0;
    // UpSet: the bars left to right (non-empty intersections, largest first).
    QVector<quint32> regions() const;
    // Where a region's count is drawn (a point inside it for regionAt()).
    QPointF regionCenter(quint32 mask) const;
    // Tooltip and accessible text: members, non-members and count.
    QString regionDescription(quint32 mask) const;

    quint32 focusedRegion() const;
    void setFocusedRegion(quint32 mask);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void regionClicked(quint32 mask);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool focusNextPrevChild(bool next) override;
    void changeEvent(QEvent* event) override;

private:
    struct VennLayout;
    struct UpSetLayout;
    VennLayout vennLayout() const;
    UpSetLayout upSetLayout() const;
    void paintVenn(QPainter& p) const;
    void paintUpSet(QPainter& p) const;
    void moveFocus(int step);
    void setFocusIndex(int index);

    QStringList m_names;
    QMap<quint32, int> m_counts;
    int m_none = 0;
    bool m_upSetRequested = false;
    int m_focusIndex = -1;
    quint32 m_hover = NoRegion;
    quint32 m_pressed = NoRegion;
};

} // namespace rrtf
