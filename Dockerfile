# Build: everything, with the same lock file and script approvals as development.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# npm 11 honours the allowScripts approvals in package.json (npm 10 would run every install script).
RUN npm install -g npm@11 --no-fund --no-audit
COPY package.json package-lock.json ./
COPY libs/domain/package.json libs/domain/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
RUN npm ci --no-fund --no-audit
COPY tsconfig.json ./
COPY libs/domain libs/domain
COPY migrations migrations
COPY apps/api apps/api
COPY apps/web apps/web
RUN npm run build && npm prune --omit=dev --no-fund --no-audit

# Run: the built API (which serves the built web app) and production dependencies only.
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/libs/domain/package.json libs/domain/package.json
COPY --from=build /app/libs/domain/dist libs/domain/dist
COPY --from=build /app/apps/api/package.json apps/api/package.json
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/web/package.json apps/web/package.json
COPY --from=build /app/apps/web/dist apps/web/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "apps/api/dist/apps/api/src/main.js"]
