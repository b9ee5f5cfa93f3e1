package shop.orders.notify;

import java.util.ArrayList;
import java.util.List;
import shop.contracts.orders.OrderEvent;
import shop.orders.order.Order;
import shop.orders.order.OrderItem;

/** The plain-text bodies of order mails (and of the shop's Telegram message). */
final class MailTexts {
    private MailTexts() {
    }

    static String customer(String type, Order order, OrderEvent event, String statusName) {
        StringBuilder text = new StringBuilder("Hello, ").append(order.firstName).append("!\n\n");
        switch (type) {
            case OrderEvent.CONFIRMED -> {
                text.append("Your order #").append(order.id).append(" is confirmed.\n");
                if ("card".equals(order.paymentMethod)) {
                    text.append("Please pay it by card; an unpaid order is cancelled after a while.\n");
                }
                text.append('\n');
                lines(text, order);
            }
            case OrderEvent.REJECTED -> text.append("Sorry, we could not accept your order #").append(order.id)
                    .append(": some goods are no longer available.\n");
            case OrderEvent.PAID -> text.append("We have received the payment for your order #").append(order.id)
                    .append(": ").append(order.total.toPlainString()).append(" RUB.\n");
            case OrderEvent.CANCELLED -> {
                text.append("Your order #").append(order.id).append(" is cancelled")
                        .append(event.reason() == null ? "." : ": " + event.reason() + ".").append('\n');
                if (order.refundDueAt != null) {
                    text.append("The ").append(order.refundAmount.toPlainString())
                            .append(" RUB you paid will be refunded to you.\n");
                }
            }
            default -> text.append("Your order #").append(order.id).append(" is now ").append(statusName).append(".\n");
        }
        return text.append("\nThank you for shopping with us.").toString();
    }

    static String shop(Order order) {
        StringBuilder text = new StringBuilder("New order #").append(order.id).append('\n')
                .append("Customer: ").append(order.lastName).append(' ').append(order.firstName)
                .append(order.middleName == null ? "" : " " + order.middleName).append('\n')
                .append("Phone: ").append(order.phone).append('\n')
                .append("Email: ").append(order.email).append('\n')
                .append("Delivery: ").append(order.deliveryAddress).append('\n')
                .append("Payment: ").append(order.paymentMethod).append('\n');
        if (order.comment != null) {
            text.append("Comment: ").append(order.comment).append('\n');
        }
        text.append('\n');
        lines(text, order);
        return text.toString().strip();
    }

    static String refundDueSubject(Order order) {
        return "Order #" + order.id + " cancelled after payment of " + order.refundAmount.toPlainString() + " RUB: refund due";
    }

    /** The shop's notice that a paid order was cancelled: the money is owed back until staff refund it. */
    static String refundDue(Order order, OrderEvent event) {
        StringBuilder text = new StringBuilder(refundDueSubject(order)).append('\n')
                .append("Paid: ").append(order.paymentMethod).append(", at ").append(order.paidAt).append('\n')
                .append("Status before: ").append(event.previousStatus()).append('\n')
                .append("Reason: ").append(event.reason() == null ? "-" : event.reason()).append('\n')
                .append("Customer: ").append(order.lastName).append(' ').append(order.firstName).append('\n')
                .append("Phone: ").append(order.phone).append('\n')
                .append("Email: ").append(order.email).append('\n')
                .append("Once the money is paid back, mark it: POST /api/orders/").append(order.id).append("/refund\n\n");
        lines(text, order);
        return text.toString().strip();
    }

    private static void lines(StringBuilder text, Order order) {
        for (OrderItem item : order.items) {
            text.append(item.productName == null ? "variant " + item.variantId : item.productName);
            // size and colour: the variant's own name is often empty, and "Dress" alone says too little
            List<String> details = new ArrayList<>();
            if (item.variantName != null && !item.variantName.isBlank() && !item.variantName.equals(item.productName)) {
                details.add(item.variantName);
            }
            if (item.sizeName != null) {
                details.add(item.sizeName);
            }
            if (item.colorName != null) {
                details.add(item.colorName);
            }
            if (!details.isEmpty()) {
                text.append(" (").append(String.join(", ", details)).append(')');
            }
            text.append(" × ").append(item.quantity).append(" = ").append(item.lineTotal.toPlainString()).append(" RUB\n");
        }
        text.append("Delivery: ").append(order.deliveryCost.toPlainString()).append(" RUB\n")
                .append("Total: ").append(order.total.toPlainString()).append(" RUB\n");
    }
}
