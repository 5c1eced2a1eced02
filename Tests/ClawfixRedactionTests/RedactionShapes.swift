/// The shapes secrets take in real pastes beyond `KEY=value` (issue 14), marked inline like
/// `RedactionCorpus` (`⟦kind:value⟧`). Each document holds what must go and, beside it, what
/// must stay: the user name before a password, the ids before a webhook secret, a placeholder, a
/// word that only looks like a value. `bench/redaction/run.sh` scores these as their own column.
enum RedactionShapes {
    static let documents: [(name: String, marked: String)] = [
        // Secrets in the URL path or query of well-known APIs.
        ("telegram-bot-api-url", #"""
        $ curl -s https://api.telegram.org/bot⟦telegram-bot-token:7012345678:AAH3kL9mQ2vX8zR1tY5wP0aS4dF6gH8jK2l⟧/getMe
        {"ok":false,"error_code":401,"description":"Unauthorized"}
        [telegram] getUpdates failed: https://api.telegram.org/bot⟦telegram-bot-token:7012345678:AAH3kL9mQ2vX8zR1tY5wP0aS4dF6gH8jK2l⟧/getUpdates 409 Conflict
        """#),
        ("slack-webhook-url", #"""
        SLACK_ALERTS=https://hooks.slack.com/services/T04QWERTY12/B05ASDFGH34/⟦webhook-secret:Xq3vB7nK2mP9sL4tR8wY1zA6⟧
        curl -X POST -H 'Content-type: application/json' --data '{"text":"gateway up"}' https://hooks.slack.com/services/T04QWERTY12/B05ASDFGH34/⟦webhook-secret:Xq3vB7nK2mP9sL4tR8wY1zA6⟧
        docs: https://api.slack.com/messaging/webhooks
        """#),
        ("discord-webhook-url", #"""
        hooks:
          discord: "https://discord.com/api/webhooks/1184567890123456789/⟦webhook-secret:Qw3rTy5uIo7pAs9dFg1hJk3lZx5cVb7nM9qW2eR4tY6uI8oP0aS2dF4gH6jK8lZ0xC2v⟧"
          legacy: https://discordapp.com/api/v10/webhooks/1184567890123456789/⟦webhook-secret:aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3vW5x⟧
        guild: https://discord.com/channels/1184567890123456789/1184567890123456790
        """#),
        ("teams-webhook-url", #"""
        TEAMS_WEBHOOK=https://contoso.webhook.office.com/webhookb2/7c0e2b9a-4d1f-4a8e-9b3c-2f6e8a1d5c7b@1b2c3d4e-5f60-4718-9a3b-4c5d6e7f8091/IncomingWebhook/⟦webhook-secret:3f9a6c1e8b2d4f7a9c0e1b3d5f7a9c2e/5c1b0e6a-9f2d-4e8b-8a3c-1d0e9f8a7b6c⟧
        TEAMS_WORKFLOW=https://prod-12.westeurope.logic.azure.com:443/workflows/4b6d8f0a1c3e/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=⟦secret:Xq3vB7nK2mP9sL4tR8wY1zA6cD0eF5gH2jI4kL6mN8o⟧
        """#),
        // Credentials given as command flags.
        ("curl-user-flag", #"""
        $ curl -u omer:⟦password:hunter2⟧ http://127.0.0.1:18789/health
        $ curl --user "omer:⟦password:p@ss w0rd!⟧" https://gw.example.net/v1/models
        $ curl -sS -uadmin:⟦password:Tr0ub4dor&3⟧ https://gw.example.net/
        $ curl --user=ci-bot:⟦password:Zm9vYmFyYmF6⟧ --proxy-user proxy:⟦password:pr0xy!pw⟧ https://gw.example.net/
        $ curl -u omer https://gw.example.net/     # curl asks for the password
        $ curl -u "$GW_USER:$GW_PASS" https://gw.example.net/
        $ docker exec -u 1000:1000 openclaw-openclaw-gateway-1 id
        """#),
        ("registry-login-flag", #"""
        $ docker login -u omer -p ⟦password:S3cretPass!⟧ ghcr.io
        WARNING! Using --password via the CLI is insecure. Use --password-stdin.
        $ podman login --username omer --password ⟦password:an0ther-Pass⟧ quay.io
        $ echo "$CR_PAT" | docker login ghcr.io -u omer --password-stdin
        Login Succeeded
        """#),
        ("database-client-flags", #"""
        $ mysql -u root -p⟦password:S3cr#t!pw⟧ -h 127.0.0.1 openclaw
        $ mysqldump -uroot -p'⟦password:my dump pw⟧' openclaw > dump.sql
        $ mysql -u root -p openclaw
        Enter password:
        $ psql "postgresql://openclaw:⟦password:p#ss!w&rd@2026⟧@db.internal:5432/openclaw?sslmode=require"
        $ redis-cli -h redis -a ⟦password:r3dis-Pass⟧ ping
        $ sshpass -p ⟦password:vps-r00t-pw⟧ ssh deploy@vps
        """#),
        // The output of a command that prints a secret.
        ("echo-printed-secret", #"""
        omer@vps:~$ echo $OPENCLAW_GATEWAY_TOKEN
        ⟦gateway-token:3f9a1c0e8b7d4e21a6c5b2f09e8d7c6b5a4f3e2d1c0b9a87⟧
        omer@vps:~$ echo "${OPENCLAW_GATEWAY_PASSWORD}"
        ⟦gateway-password:correct-horse-staple⟧
        omer@vps:~$ echo $OPENCLAW_GATEWAY_TOKEN

        omer@vps:~$ echo $HOME
        /home/omer
        PS C:\Users\omer> echo $env:OPENCLAW_GATEWAY_TOKEN
        ⟦gateway-token:9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e⟧
        PS C:\Users\omer>
        """#),
        ("printenv-and-getenv", #"""
        $ docker compose exec openclaw-gateway printenv OPENCLAW_GATEWAY_TOKEN
        ⟦gateway-token:e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9⟧
        $ printenv DISCORD_BOT_TOKEN | wc -c
        73
        $ launchctl getenv OPENCLAW_GATEWAY_TOKEN
        ⟦gateway-token:5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c⟧
        $ launchctl getenv OPENCLAW_GATEWAY_PORT
        18789
        """#),
        ("config-get-prints-value", #"""
        $ openclaw config get gateway.auth.token
        ⟦gateway-token:b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7⟧
        $ openclaw config get gateway.auth.mode
        token
        $ openclaw config get gateway.auth.token
        __OPENCLAW_REDACTED__
        $ openclaw config get gateway.remote.token
        Config path not found: gateway.remote.token
        """#),
        // Assignments other than `=` and `:`.
        ("assignment-operators", #"""
        OPENCLAW_GATEWAY_TOKEN := ⟦gateway-token:7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a⟧
        API_TOKEN ?= ⟦secret:zq8w7e6r5t4y⟧
        token := os.Getenv("OPENCLAW_GATEWAY_TOKEN")
        'password' => '⟦password:hunter2-php⟧',
        if password == "⟦password:letmein99⟧":
        if (token === undefined) { return }
        const ids = tokens.map(token => token.id)
        token := cfg.Token
        if token == expected {
        """#),
        ("call-and-index-assignments", #"""
        System.setProperty("db.password", "⟦password:S3cret Pass⟧");
        os.environ["OPENAI_API_TOKEN"] = "⟦secret:tok-8c2e4a6c8e0a⟧"
        os.Setenv("OPENCLAW_GATEWAY_TOKEN", "⟦gateway-token:0f2b4d6f8b0d2f4b6d8f0b2d⟧")
        conf.put("password", password)
        System.setProperty("http.proxyHost", "10.0.0.2");
        """#),
        ("xml-elements", #"""
        <settings>
          <servers>
            <server>
              <id>ghcr</id>
              <username>omer</username>
              <password>⟦password:mvn-Deploy-2026⟧</password>
            </server>
          </servers>
          <apiKey>
            ⟦secret:Zm9vYmFyYmF6cXV4MTIzNDU2⟧
          </apiKey>
          <artifactId>jjwt-api</artifactId>
          <password>${env.MAVEN_PASSWORD}</password>
        </settings>
        """#),
        ("quoted-and-symbol-values", #"""
        OPENCLAW_GATEWAY_PASSWORD="⟦gateway-password:my gateway pass #1⟧"
        DB_PASSWORD='⟦password:p@ss w0rd; DROP⟧'
        SMTP_PASSWORD=⟦password:Tr0ub4dor&3⟧
        REDIS_PASSWORD=⟦password:a=b=c+d/e==⟧
        LOG_LEVEL=debug
        """#),
        // Key names with suffixes and indexes; connection strings.
        ("indexed-key-names", #"""
        DB_PASSWORD_0=⟦password:firstpass0⟧
        DB_PASSWORD_1=⟦password:secondpass1⟧
        SECRET_KEY_2=⟦secret:qwertyuiop123⟧
        API_KEY_PROD=⟦secret:pr0d-k3y-value⟧
        SECRET_KEY_BASE=⟦secret:9f8e7d6c5b4a39281706f5e4d3c2b1a0⟧
        TOKEN_FILE=/run/secrets/openclaw_token
        DB_PASSWORD_FILE=/run/secrets/db_password
        MAX_TOKENS_2=4096
        """#),
        ("azure-connection-strings", #"""
        AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=omerstore;AccountKey=⟦secret:Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dXY+/w==⟧;EndpointSuffix=core.windows.net
        SERVICEBUS=Endpoint=sb://omer-ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=⟦secret:Qw3rTy5uIo7pAs9dFg1hJk3lZx5cVb7nM9qW2eR4tY6=⟧
        BLOB_SAS=https://omerstore.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31T00:00:00Z&sig=⟦secret:Xq3vB7nK2mP9sL4tR8wY1zA6cD0eF5gH%2BjI2kL7mN3o%3D⟧
        ENCODED=AccountName%3Domerstore%3BAccountKey%3D⟦secret:Zm9vYmFyYmF6cXV4MTIz%2B%2Fw%3D%3D⟧%26next%3D1
        """#),
        ("azure-ad-client-secret", #"""
        AZURE_CLIENT_ID=5c1b0e6a-9f2d-4e8b-8a3c-1d0e9f8a7b6c
        the app registration secret is ⟦azure-client-secret:abc8Q~Xq3vB7nK2mP9sL4tR8wY1zA6cD0eF5gH-j⟧.
        "clientSecret": "⟦azure-client-secret:Zy.7Q~aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1x_Y~⟧"
        """#),
        ("unknown-provider-prefixes", #"""
        export LANGSMITH_KEY=⟦api-key: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⟧
        huggingface org token ⟦api-key: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⟧ was rejected
        fly deploy with ⟦api-key:fo1_Xq3vB7nK2mP9sL4tR8wY1zA6cD0eF5gH2jI4kL6mN8o⟧ failed
        stripe ⟦api-key:rk_live_51NzQw3rTy5uIo7pAs9dFg1hJk⟧ and npm ⟦api-key:npm_Qw3rTy5uIo7pAs9dFg1hJk3lZx5cVb7nM9qW⟧
        request-id: req_011CUh3pRvDk4YXmU8cZnG6a
        {"id":"chatcmpl-AbC123dEf456GhI789jKl0","object":"chat.completion"}
        openclaw-openclaw-cli-run-7c1d2e3f4a5b exited; see my_configuration_value_file
        "integrity": "sha512-8VbfWfHLbbwu3+N6OKsOMpBdT4kXPDDB9cJk2SJ6zkjfIFeDvCWxDsrqd/ijJ6ujLHrCVzOm4/rCJ+HNgVBAbnw=="
        """#),
        ("base64-auth-fields", #"""
        {
          "auths": {
            "https://index.docker.io/v1/": { "auth": "⟦secret:b21lcjpodW50ZXIyLXJlZ2lzdHJ5⟧" },
            "ghcr.io": {"auth":"⟦secret:b21lcjpnaHBfUjh0WTV3UDBh⟧"}
          },
          "credsStore": "desktop"
        }
        //registry.npmjs.org/:_auth=⟦secret:b21lcjpucG0tcGFzcw==⟧
        """#),
        // Placeholders and words that are not values: every byte stays.
        ("placeholders-stay", #"""
        ANTHROPIC_API_KEY=sk-ant-...
        OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        GH_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        aws_access_key_id = AKIAIOSFODNN7EXAMPLE
        OPENCLAW_GATEWAY_TOKEN=your-token-here
        OPENCLAW_GATEWAY_TOKEN=change-me-to-a-long-random-token
        OPENCLAW_GATEWAY_PASSWORD=changeme
        OPENCLAW_GATEWAY_TOKEN=undefined
        OPENCLAW_GATEWAY_TOKEN=${OPENCLAW_GATEWAY_TOKEN:=default}
        token="${OPENCLAW_GATEWAY_TOKEN:-}"
        curl -H "Authorization: Bearer <token>" http://127.0.0.1:18789/v1/models
        openclaw gateway --token <token>
        key shown in the console: sk-ant-api03-…AbCd
        """#),
        ("words-not-values", #"""
        const token = new Token(process.env.OPENCLAW_GATEWAY_TOKEN);
        apiKey: process.env.ANTHROPIC_API_KEY,
        implementation "io.jsonwebtoken:jjwt-api:0.11.5"
        implementation 'com.auth0:java-jwt:4.4.0'
        OPENCLAW_GATEWAY_TOKEN=`openssl rand -hex 32`
        set the token with `openclaw config set gateway.auth.token`, then restart
        """#),
    ]
}
