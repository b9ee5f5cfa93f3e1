package shop.analytics.live;

import java.math.BigDecimal;
import java.util.List;
import shop.analytics.report.Report;
import shop.analytics.report.ReportAnswer;
import shop.analytics.report.ReportQuery;

/** The live sales reports over orders.events, {@code /api/analytics/reports/sales/{name}}. */
public enum SalesReport implements Report<SalesReports> {
    DAILY("daily", "Orders placed and paid and revenue per day") {
        @Override
        public ReportAnswer run(SalesReports sales, ReportQuery query) {
            SalesReports.Daily r = sales.daily(query.range());
            return new ReportAnswer(r, List.of("day", "placed", "paid", "revenue"), r.days().stream()
                    .map(d -> List.<Object>of(d.day(), d.placed(), d.paid(), d.revenue().toPlainString())).toList());
        }
    },
    TOP_PRODUCTS("top-products", "Products by revenue, most first") {
        @Override
        public ReportAnswer run(SalesReports sales, ReportQuery query) {
            SalesReports.TopProducts r = sales.topProducts(query.range(), query.limit(10, 1000));
            return new ReportAnswer(r, List.of("product_id", "product_name", "quantity", "revenue", "orders"),
                    r.items().stream().map(p -> List.<Object>of(p.productId(),
                            p.productName() == null ? "" : p.productName(), p.quantity(),
                            p.revenue().toPlainString(), p.orders())).toList());
        }
    },
    CONVERSION("conversion", "Carts filled, orders placed and paid, and the rates between them") {
        @Override
        public ReportAnswer run(SalesReports sales, ReportQuery query) {
            SalesReports.Conversion r = sales.conversion(query.range());
            return new ReportAnswer(r, List.of("carts", "placed", "paid", "rate", "placed_to_paid"),
                    List.of(List.of(r.carts(), r.placed(), r.paid(), plain(r.rate()), plain(r.placedToPaid()))));
        }
    };

    private final String urlName;
    private final String question;

    SalesReport(String urlName, String question) {
        this.urlName = urlName;
        this.question = question;
    }

    @Override
    public String urlName() {
        return urlName;
    }

    @Override
    public String question() {
        return question;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
