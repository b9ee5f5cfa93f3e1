package shop.devstack.infra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A real SMTP server (GreenMail) on 127.0.0.1 that accepts every mail and keeps it in memory. */
public final class MailServer implements AutoCloseable {

    private final int port;
    private GreenMail greenMail;
    /**
     * Each stored message as read once: a stored message never changes, and reading every MIME message
     * again on every call cost the system tests' JVM more than any other work of theirs (their awaits
     * read the mailbox every second, and it grows to thousands of mails).
     */
    private final Map<StoredMessage, ReceivedMail> read = new IdentityHashMap<>();

    public MailServer(int port) {
        this.port = port;
    }

    public synchronized MailServer start() {
        if (greenMail == null) {
            Ports.requireFree(port, "SMTP");
            ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            smtp.setServerStartupTimeout(10_000);
            greenMail = new GreenMail(smtp)
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            greenMail.start();
        }
        return this;
    }

    public int port() {
        return port;
    }

    /** Everything received so far, oldest first; a mail to two recipients appears once for each. */
    public synchronized List<ReceivedMail> messages() {
        if (greenMail == null) {
            return List.of();
        }
        List<ReceivedMail> result = new ArrayList<>();
        ImapHostManager folders = greenMail.getManagers().getImapHostManager();
        for (GreenMailUser user : List.copyOf(greenMail.getUserManager().listUser())) {
            // GreenMail's inbox is a synchronized list, and its own finders iterate it without the lock, so
            // a read during a delivery throws ConcurrentModificationException; copying it (toArray) holds it
            List<StoredMessage> inbox;
            try {
                inbox = List.copyOf(folders.getInbox(user).getMessages());
            } catch (FolderException e) {
                continue; // a recipient whose inbox is being created has no mail yet
            }
            for (StoredMessage message : inbox) {
                result.add(read.computeIfAbsent(message, stored -> toReceivedMail(user.getEmail(), stored.getMimeMessage())));
            }
        }
        result.sort(Comparator.comparing(ReceivedMail::receivedAt));
        return result;
    }

    /** Forgets all received mail. */
    public synchronized void clear() {
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
                read.clear();
            } catch (FolderException e) {
                throw new IllegalStateException("cannot clear the mailboxes", e);
            }
        }
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
            read.clear();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static ReceivedMail toReceivedMail(String recipient, MimeMessage message) {
        try {
            Date received = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
            return new ReceivedMail(recipient, addresses(message.getFrom()), message.getSubject(), text(message),
                    received == null ? Instant.EPOCH : received.toInstant(),
                    message.getMessageID() == null ? "" : message.getMessageID());
        } catch (MessagingException | IOException e) {
            return new ReceivedMail(recipient, "", "(unreadable message)", e.toString(), Instant.EPOCH, "");
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** The plain-text body; falls back to the HTML part. */
    private static String text(Part part) throws MessagingException, IOException {
        String plain = find(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = find(part, "text/html");
        return html != null ? html : "";
    }

    private static String find(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
