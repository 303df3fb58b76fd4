package dev.restock.jpa.report;

import dev.restock.api.report.DeviceUtilisation;
import dev.restock.api.report.SlotStock;
import dev.restock.api.report.StockValuation;
import dev.restock.api.report.port.out.ReportQueries;
import dev.restock.jpa.dialect.StoreDialect;
import dev.restock.jpa.tx.UnitOfWork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.SelectionQuery;

/**
 * The reports as single HQL queries (soft-deleted rows are hidden by Hibernate in every one);
 * filters are added as conditions with bound parameters, never as text.
 */
public final class JpaReports implements ReportQueries {
  /**
   * Grid order of slot {@code s}'s position, as planograms list their slots (A2 before A10): a
   * position is one row letter (A to T) and a column of one or two digits, so row, then length,
   * then text is row, then column, on every database without a function of our own; digits and
   * capital letters compare alike under every collation.
   */
  public static final String GRID_ORDER =
      "substring(s.position, 1, 1), length(s.position), s.position";

  private final StoreDialect dialect;

  /** @param dialect the database's dialect, which says how names sort by code point */
  public JpaReports(StoreDialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public List<DeviceUtilisation> deviceUtilisation(UUID routeId, UUID locationId) {
    String hql = "select d.id, d.name, count(c.id), l.name, r.name"
        + " from DeviceEntity d left join d.cabinets c"
        + " left join LocationEntity l on l.id = d.locationId"
        + " left join RouteEntity r on r.id = d.routeId"
        + " where 1 = 1" + (routeId != null ? " and d.routeId = :route" : "")
        + (locationId != null ? " and d.locationId = :location" : "")
        + " group by d.id, d.name, l.name, r.name order by " + dialect.hqlTextSortKey("d.name")
        + ", d.id";
    SelectionQuery<Object[]> query =
        UnitOfWork.currentSession().createSelectionQuery(hql, Object[].class);
    if (routeId != null) {
      query.setParameter("route", routeId);
    }
    if (locationId != null) {
      query.setParameter("location", locationId);
    }
    return query.getResultList().stream().map(r -> new DeviceUtilisation((UUID) r[0],
        (String) r[1], ((Number) r[2]).intValue(), (String) r[3], (String) r[4])).toList();
  }

  @Override
  public List<SlotStock> slotsAtOrBelow(UUID routeId, int percentOfPar) {
    return slots("s.parLevel > 0 and s.quantity * 100 <= :pct * s.parLevel", routeId,
        percentOfPar);
  }

  @Override
  public List<SlotStock> soldOut(UUID routeId) {
    return slots("s.quantity = 0", routeId, null);
  }

  private List<SlotStock> slots(String condition, UUID routeId, Integer percent) {
    String hql = "select r.code, d.id, d.name, c.cabinetIndex, s.position, s.id, p.id, p.sku,"
        + " s.quantity, s.parLevel, s.capacity"
        + " from SlotEntity s join s.planogram pl,"
        + " dev.restock.jpa.fleet.CabinetEntity c join c.device d,"
        + " ProductEntity p, RouteEntity r"
        + " where pl.cabinetId = c.id and pl.active = true and p.id = s.productId"
        + " and r.id = d.routeId and " + condition
        + (routeId != null ? " and r.id = :route" : "")
        + " order by " + dialect.hqlTextSortKey("r.code") + ", "
        + dialect.hqlTextSortKey("d.name") + ", c.cabinetIndex, " + GRID_ORDER;
    SelectionQuery<Object[]> query =
        UnitOfWork.currentSession().createSelectionQuery(hql, Object[].class);
    if (routeId != null) {
      query.setParameter("route", routeId);
    }
    if (percent != null) {
      query.setParameter("pct", percent);
    }
    return query.getResultList().stream().map(r -> {
      int quantity = ((Number) r[8]).intValue();
      int par = ((Number) r[9]).intValue();
      return new SlotStock((String) r[0], (UUID) r[1], (String) r[2], ((Number) r[3]).intValue(),
          (String) r[4], (UUID) r[5], (UUID) r[6], (String) r[7], quantity, par,
          ((Number) r[10]).intValue(), par == 0 ? 0 : quantity * 100 / par);
    }).toList();
  }

  @Override
  public StockValuation stockValue() {
    List<Object[]> rows = UnitOfWork.currentSession().createSelectionQuery(
            "select p.id, p.sku, p.name, st.onHand, p.price from StockEntity st, ProductEntity p"
                + " where p.id = st.id order by " + dialect.hqlTextSortKey("p.sku"),
            Object[].class)
        .getResultList();
    List<StockValuation.Line> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (Object[] r : rows) {
      BigDecimal price = ((BigDecimal) r[4]).setScale(2, RoundingMode.HALF_UP);
      int onHand = ((Number) r[3]).intValue();
      BigDecimal value = price.multiply(BigDecimal.valueOf(onHand));
      total = total.add(value);
      lines.add(new StockValuation.Line((UUID) r[0], (String) r[1], (String) r[2], onHand, price,
          value));
    }
    return new StockValuation(lines, total);
  }
}
