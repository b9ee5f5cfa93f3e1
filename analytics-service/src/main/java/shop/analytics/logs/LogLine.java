package shop.analytics.logs;

import java.time.Instant;

/**
 * One parsed line of the seed 001 log, e.g.
 * {@code shop_api | 2018-08-01 00:01:35 [YQ4WUDJV] INFO: 121.165.118.201 https://all_to_the_bottom.com/fresh_fish/}.
 *
 * @param kind     see {@link shop.analytics.report.AnalyticsFacts} (home, category, goods, cart, pay, paid, other)
 * @param goodsKey the cart line's goods_id
 * @param cartKey  cart_id of cart and pay lines, the number of a success_pay_ line
 * @param customer user_id of a pay line
 */
record LogLine(long number, String requestId, Instant time, String clientIp, String kind, String category,
               String goods, String goodsKey, Integer amount, String cartKey, String customer) {
}
