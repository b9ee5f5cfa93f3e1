package shop.orders.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import shop.orders.order.Order;

/**
 * Sberbank internet acquiring, REST protocol (seed 000): {@code register.do} creates the bank's order and
 * answers its payment page, {@code getOrderStatusExtended.do} tells whether it was paid, {@code decline.do}
 * closes an unpaid one. Credentials go only in POST form bodies, which are never logged; errors name the
 * method, never the request. The calls go through {@link SberbankClient} (timeouts, retries where safe, a
 * circuit breaker); this class reads the bank's answers and says every failure as {@link PaymentProviderFailed}.
 */
@ApplicationScoped
public class SberbankProvider implements PaymentProvider {
    public static final String NAME = "sberbank";
    private static final Logger LOG = Logger.getLogger(SberbankProvider.class);
    private static final String RUB = "643"; // ISO 4217

    @ConfigProperty(name = "shop.payments.sberbank.username")
    Optional<String> username;

    @ConfigProperty(name = "shop.payments.sberbank.password")
    Optional<String> password;

    @Inject
    SberbankClient client;

    @Inject
    ObjectMapper json;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Registration register(Payment payment, Order order, List<Item> items, String callbackUrl) {
        Map<String, String> form = credentials();
        // the bank's order number: unique per shop, at most 32 characters
        form.put("orderNumber", payment.id.toString().replace("-", ""));
        form.put("amount", Long.toString(kopecks(payment.amount)));
        form.put("currency", RUB);
        form.put("returnUrl", callbackUrl);
        form.put("failUrl", callbackUrl);
        form.put("description", "Order " + order.id);
        form.put("orderBundle", bundle(order, items));
        JsonNode answer = call("register.do", client::register, form);
        String orderId = answer.path("orderId").asText(null);
        String formUrl = answer.path("formUrl").asText(null);
        if (failed(answer) || orderId == null || formUrl == null) {
            throw providerFailed("the bank did not register the payment: " + answer.path("errorMessage").asText("no orderId in its answer"));
        }
        LOG.infof("Payment %s of order %d registered with the bank as %s", payment.id, order.id, orderId);
        return new Registration(orderId, formUrl);
    }

    @Override
    public State state(Payment payment) {
        Map<String, String> form = credentials();
        form.put("orderId", payment.providerOrderId);
        JsonNode answer = call("getOrderStatusExtended.do", client::orderStatus, form);
        if ("6".equals(answer.path("errorCode").asText())) {
            // "unregistered orderId": the bank has no such order, so it can never be paid
            LOG.warnf("Payment %s: the bank does not know its order %s", payment.id, payment.providerOrderId);
            return State.FAILED;
        }
        if (failed(answer) || !answer.hasNonNull("orderStatus")) {
            throw providerFailed("the bank did not tell the payment's status: " + answer.path("errorMessage").asText("no orderStatus"));
        }
        return switch (answer.path("orderStatus").asInt()) {
            case 2 -> State.PAID;
            case 3, 4, 6 -> State.FAILED; // authorization cancelled, refunded, declined (also an expired page)
            // 5: 3-D Secure in progress; 1: amount held (two-stage payments, not used here): may still succeed
            case 1, 5 -> State.PROCESSING;
            default -> State.PENDING; // 0: registered, the customer has not paid
        };
    }

    @Override
    public State decline(Payment payment) {
        Map<String, String> form = credentials();
        form.put("orderId", payment.providerOrderId);
        JsonNode answer = call("decline.do", client::decline, form);
        if (!failed(answer)) {
            LOG.infof("Payment %s: the bank declined its order %s, it can no longer be paid", payment.id, payment.providerOrderId);
            return State.FAILED;
        }
        // the bank refused (e.g. "wrong order state": paid already, or being paid right now); its status decides
        LOG.infof("Payment %s: the bank did not decline its order %s (errorCode %s: %s); asking for its status", payment.id,
                payment.providerOrderId, answer.path("errorCode").asText(), answer.path("errorMessage").asText(""));
        State state = state(payment);
        if (state == State.PENDING) {
            throw providerFailed("the bank did not decline the payment: " + answer.path("errorMessage").asText("no reason given"));
        }
        return state;
    }

    /**
     * {@code refund.do} with the bank's order id and the amount in kopecks. {@code errorCode} 0 is done; 7
     * (system error) may pass later; any other code (wrong amount, wrong order state, no such order) is a
     * refusal staff must look at. The bank has no idempotency key for refunds: {@link Refunds} asks
     * {@link #refunded} before any second attempt.
     */
    @Override
    public RefundAnswer refund(Payment payment, java.util.UUID refundId, BigDecimal amount) {
        Map<String, String> form = credentials();
        form.put("orderId", payment.providerOrderId);
        form.put("amount", Long.toString(kopecks(amount)));
        JsonNode answer = call("refund.do", client::refund, form);
        String code = answer.path("errorCode").asText("0");
        String message = answer.path("errorMessage").asText("");
        if (!failed(answer)) {
            LOG.infof("Refund %s: the bank refunded %s of its order %s", refundId, amount.toPlainString(), payment.providerOrderId);
            return RefundAnswer.ok(message.isEmpty() ? "refunded" : message);
        }
        LOG.warnf("Refund %s: the bank refused to refund %s of its order %s (errorCode %s: %s)", refundId,
                amount.toPlainString(), payment.providerOrderId, code, message);
        return new RefundAnswer(false, "7".equals(code), code, message);
    }

    /** {@code getOrderStatusExtended.do}: {@code paymentAmountInfo.refundedAmount}, in kopecks. */
    @Override
    public BigDecimal refunded(Payment payment) {
        Map<String, String> form = credentials();
        form.put("orderId", payment.providerOrderId);
        JsonNode answer = call("getOrderStatusExtended.do", client::orderStatus, form);
        if (failed(answer)) {
            throw providerFailed("the bank did not tell the payment's refunds: " + answer.path("errorMessage").asText("no reason given"));
        }
        return BigDecimal.valueOf(answer.path("paymentAmountInfo").path("refundedAmount").asLong(0), 2);
    }

    private Map<String, String> credentials() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("userName", username.orElseThrow(() -> providerFailed("shop.payments.sberbank.username is not configured")));
        form.put("password", password.orElseThrow(() -> providerFailed("shop.payments.sberbank.password is not configured")));
        return form;
    }

    /** Calls the bank through its guarded client; every way it can fail becomes a {@link PaymentProviderFailed}. */
    private JsonNode call(String method, Function<MultivaluedMap<String, String>, String> request, Map<String, String> form) {
        MultivaluedMap<String, String> body = new MultivaluedHashMap<>();
        form.forEach(body::add);
        String answer;
        try {
            answer = request.apply(body);
        } catch (BankCallFailed e) {
            throw providerFailed(e.getMessage());
        } catch (CircuitBreakerOpenException e) {
            throw providerFailed("the bank is not asked " + method + " for now: its last calls got no answer (circuit open)");
        }
        try {
            return json.readTree(answer);
        } catch (IOException e) {
            throw providerFailed("the bank's answer to " + method + " is not JSON");
        }
    }

    private static boolean failed(JsonNode answer) {
        String code = answer.path("errorCode").asText("0");
        return !code.isEmpty() && !"0".equals(code);
    }

    /** The receipt lines (orderBundle): goods and delivery, amounts in kopecks adding up to the total. */
    private String bundle(Order order, List<Item> items) {
        ObjectNode root = json.createObjectNode();
        ArrayNode positions = root.putObject("cartItems").putArray("items");
        int position = 1;
        for (Item item : items) {
            ObjectNode p = positions.addObject();
            p.put("positionId", String.valueOf(position++));
            p.put("name", item.name() == null ? "Goods" : item.name());
            p.putObject("quantity").put("value", item.quantity()).put("measure", "pcs");
            p.put("itemCode", item.article() == null ? "item-" + position : item.article());
            p.put("itemPrice", kopecks(item.unitPrice()));
            p.put("itemAmount", kopecks(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity()))));
        }
        if (order.deliveryCost.signum() > 0) {
            ObjectNode p = positions.addObject();
            p.put("positionId", String.valueOf(position));
            p.put("name", "Delivery");
            p.putObject("quantity").put("value", 1).put("measure", "pcs");
            p.put("itemCode", "delivery");
            p.put("itemPrice", kopecks(order.deliveryCost));
            p.put("itemAmount", kopecks(order.deliveryCost));
        }
        return root.toString();
    }

    static long kopecks(BigDecimal rubles) {
        return rubles.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
    }

    private static PaymentProviderFailed providerFailed(String detail) {
        LOG.warn(detail); // the detail names the method and the bank's message, never the request
        return new PaymentProviderFailed(detail);
    }
}
