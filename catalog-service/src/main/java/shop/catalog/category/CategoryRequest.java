package shop.catalog.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

public record CategoryRequest(@NotBlank(message = "is required") @Size(max = 200) String name,
                              @Positive Long parentId) {
}
