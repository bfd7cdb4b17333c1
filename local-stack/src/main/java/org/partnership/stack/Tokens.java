package org.partnership.stack;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Access tokens for the demo users, through the password grant of the demo client {@code partnership-cli}. */
final class Tokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private Tokens() {
    }

    static String passwordGrant(String tokenUrl, String clientId, String username, String password) {
        HttpResponse<String> response = Http.postForm(tokenUrl, Map.of("grant_type", "password",
                "client_id", clientId, "username", username, "password", password));
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new StackException("no token for " + username + " from " + tokenUrl + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }
}
