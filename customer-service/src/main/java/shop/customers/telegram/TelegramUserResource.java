package shop.customers.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;
import shop.commons.patch.MergePatch;

/** The assortment bot's users (seed 000): the bot (role {@code bot}) and staff keep them. */
@Path("/api/telegram-users")
@RolesAllowed({Roles.BOT, Roles.ADMIN, Roles.MANAGER})
public class TelegramUserResource {
    private static final Set<String> PATCH_FIELDS = Set.of("chatId", "statusId");

    @Inject
    Validator validator;

    @GET
    @Operation(summary = "Bot users in the order they came, optionally the one of a chat (?chatId=)")
    public Page<TelegramUserView> list(@QueryParam("chatId") Long chatId, @BeanParam @Valid PageParams page) {
        return chatId == null
                ? Paging.page(TelegramUser.<TelegramUser>find("order by id"), page, TelegramUserView::of)
                : Paging.page(TelegramUser.<TelegramUser>find("chatId = :chat order by id", Parameters.with("chat", chatId)),
                        page, TelegramUserView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One bot user")
    public TelegramUserView get(@PathParam("id") long id) {
        return TelegramUserView.of(find(id));
    }

    @POST
    @Transactional
    @Operation(summary = "Register the user of a chat; 409 when the chat already has one")
    public Response create(@Valid @NotNull(message = "a JSON body is required") TelegramUserFields fields,
                           @Context UriInfo uri) {
        requireFreeChat(fields.chatId(), null);
        TelegramUser user = new TelegramUser();
        user.chatId = fields.chatId();
        user.statusId = fields.statusId();
        user.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(user.id)).build())
                .entity(TelegramUserView.of(user)).build();
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Change the chat or the status of a bot user")
    public TelegramUserView patch(@PathParam("id") long id,
                                  @RequestBody(description = "the fields to change",
                                          content = @Content(schema = @Schema(implementation = TelegramUserFields.class)))
                                  JsonNode body) {
        TelegramUser user = find(id);
        MergePatch patch = MergePatch.of(body, PATCH_FIELDS).constrainedBy(TelegramUserFields.class, validator);
        MergePatch.Change<Long> chatId = patch.wholeNumber("chatId", true);
        MergePatch.Change<Integer> statusId = patch.integer("statusId", true);
        patch.requireValid();
        if (chatId.present()) {
            requireFreeChat(chatId.value(), user.id);
        }
        chatId.ifPresent(v -> user.chatId = v);
        statusId.ifPresent(v -> user.statusId = v);
        user.updatedAt = Instant.now();
        return TelegramUserView.of(user);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Forget a bot user")
    public Response delete(@PathParam("id") long id) {
        find(id).delete();
        return Response.noContent().build();
    }

    private static void requireFreeChat(long chatId, Long exceptUserId) {
        TelegramUser.findByChatId(chatId).filter(other -> !other.id.equals(exceptUserId)).ifPresent(other -> {
            throw ProblemException.conflict("Chat " + chatId + " already belongs to bot user " + other.id);
        });
    }

    private static TelegramUser find(long id) {
        return TelegramUser.<TelegramUser>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("bot user", id));
    }
}
