package shop.analytics.report;

import java.util.List;

/** Seed 001's seven reports over request, view and cart facts (from imported logs and live events). */
public enum SeedReport implements Report<Reports> {
    VISITS_BY_COUNTRY(1, "visits-by-country", "Requests per country, most first") {
        @Override
        public ReportAnswer run(Reports reports, ReportQuery query) {
            Reports.VisitsByCountry r = reports.visitsByCountry(query.range(), query.limit(1000, MAX_LIMIT));
            return new ReportAnswer(r, List.of("country", "requests"),
                    r.items().stream().map(i -> List.<Object>of(i.country(), i.requests())).toList());
        }
    },
    CATEGORY_INTEREST(2, "category-interest", "Views of a category (default fresh_fish) per country, most first") {
        @Override
        public ReportAnswer run(Reports reports, ReportQuery query) {
            Reports.CategoryInterest r = reports.categoryInterest(query.range(), query.category("fresh_fish"),
                    query.limit(1000, MAX_LIMIT));
            return new ReportAnswer(r, List.of("country", "views"),
                    r.items().stream().map(i -> List.<Object>of(i.country(), i.views())).toList());
        }
    },
    CATEGORY_TIME_OF_DAY(3, "category-time-of-day",
            "Views of a category (default frozen_fish) per period of the day and per hour") {
        @Override
        public ReportAnswer run(Reports reports, ReportQuery query) {
            Reports.TimeOfDay r = reports.timeOfDay(query.range(), query.category("frozen_fish"));
            return new ReportAnswer(r, List.of("hour", "period", "views"), r.hours().stream()
                    .map(h -> List.<Object>of(h.hour(), Reports.PERIODS[h.hour() / 6], h.views())).toList());
        }
    },
    BUSIEST_HOURS(4, "busiest-hours", "Calendar hours with the most requests, most first") {
        @Override
        public ReportAnswer run(Reports reports, ReportQuery query) {
            Reports.BusiestHours r = reports.busiestHours(query.range(), query.limit(10, MAX_LIMIT));
            return new ReportAnswer(r, List.of("hour", "requests"),
                    r.items().stream().map(i -> List.<Object>of(i.hour(), i.requests())).toList());
        }
    },
    BOUGHT_TOGETHER(5, "bought-together", "Paid carts holding a category (default semi_manufactures) and each other category") {
        @Override
        public ReportAnswer run(Reports reports, ReportQuery query) {
            Reports.BoughtTogether r = reports.boughtTogether(query.range(), query.category("semi_manufactures"),
                    query.limit(1000, MAX_LIMIT));
            return new ReportAnswer(r, List.of("category", "carts"),
                    r.items().stream().map(i -> List.<Object>of(i.category(), i.carts())).toList());
        }
    },
    UNPAID_CARTS(6, "unpaid-carts", "Carts opened in the range and never paid") {
        @Override
        public ReportAnswer run(Reports reports, ReportQuery query) {
            Reports.UnpaidCarts r = reports.unpaidCarts(query.range());
            return new ReportAnswer(r, List.of("unpaid_carts"), List.of(List.of(r.unpaidCarts())));
        }
    },
    REPEAT_CUSTOMERS(7, "repeat-customers", "Customers with more than one paid cart in the range") {
        @Override
        public ReportAnswer run(Reports reports, ReportQuery query) {
            Reports.RepeatCustomers r = reports.repeatCustomers(query.range());
            return new ReportAnswer(r, List.of("customers"), List.of(List.of(r.customers())));
        }
    };

    static final int MAX_LIMIT = 10_000;

    private final int number;
    private final String urlName;
    private final String question;

    SeedReport(int number, String urlName, String question) {
        this.number = number;
        this.urlName = urlName;
        this.question = question;
    }

    /** The seed's number for it, still accepted in its URL. */
    public int number() {
        return number;
    }

    @Override
    public String urlName() {
        return urlName;
    }

    @Override
    public List<String> aliases() {
        return List.of(String.valueOf(number));
    }

    @Override
    public String question() {
        return question;
    }
}
