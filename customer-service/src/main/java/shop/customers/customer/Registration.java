package shop.customers.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import shop.customers.auth.Passwords;

/** What a shopper sends to register; its constraints also check the values of a profile PATCH. */
public record Registration(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String firstName,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String lastName,
        @Size(max = 100, message = "must be at most 100 characters") String middleName,
        @NotBlank(message = "is required") @Email(message = "is not an email address")
        @Size(max = 254, message = "must be at most 254 characters") String email,
        @NotBlank(message = "is required") String phone,
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_MESSAGE) String password,
        @Past(message = "must be in the past") LocalDate birthday,
        @Pattern(regexp = "[MF]", message = "must be M or F") String gender,
        @Size(max = 100, message = "must be at most 100 characters") String city,
        @Size(max = 200, message = "must be at most 200 characters") String company,
        @Size(max = 200, message = "must be at most 200 characters") String position) {
}
