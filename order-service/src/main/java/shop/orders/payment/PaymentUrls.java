package shop.orders.payment;

import org.eclipse.microprofile.config.ConfigProvider;

/** Absolute URLs the customer's browser is sent to: under the gateway's public address. */
final class PaymentUrls {
    private PaymentUrls() {
    }

    static String base() {
        String url = ConfigProvider.getConfig().getOptionalValue("shop.payments.public-url", String.class)
                .orElse("http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String callback(Payment payment) {
        return base() + "/api/payments/" + payment.id + "/return";
    }
}
