package shop.devstack.infra;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mail the SMTP server received, as seen by one recipient.
 *
 * @param to   the recipient whose mailbox holds it (the envelope recipient, so BCC shows too)
 * @param body the text/plain part, or the HTML part when there is no plain text
 * @param messageId the {@code Message-ID} header (empty when there is none): a mail sent again after a crash
 *                  carries the same one, which is how a receiving mail system recognises the repeat
 */
public record ReceivedMail(String to, String from, String subject, String body, Instant receivedAt, String messageId) {

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("to", to);
        map.put("from", from);
        map.put("subject", subject);
        map.put("body", body);
        map.put("receivedAt", receivedAt.toString());
        map.put("messageId", messageId);
        return map;
    }

    public static ReceivedMail fromMap(Map<?, ?> map) {
        return new ReceivedMail((String) map.get("to"), (String) map.get("from"), (String) map.get("subject"),
                (String) map.get("body"), Instant.parse((String) map.get("receivedAt")),
                map.get("messageId") instanceof String id ? id : "");
    }
}
