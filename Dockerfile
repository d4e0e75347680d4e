# The charts' library, from the npm registry at the version package-lock.json pins.
FROM python:3.11-slim AS vendor
RUN apt-get update && apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/vendor-static scripts/
RUN ./scripts/vendor-static

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=mentorat.settings.production
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml ./
COPY . .
COPY --from=vendor /app/static/vendor static/vendor
RUN pip install --no-cache-dir .
# collectstatic needs settings that start; the real secret comes at run time.
RUN SECRET_KEY=build-only-$(python -c 'import secrets; print(secrets.token_urlsafe(60))') \
    ALLOWED_HOSTS=build python manage.py collectstatic --noinput
RUN useradd --create-home mentorat
USER mentorat
EXPOSE 8000
CMD ["gunicorn", "mentorat.wsgi", "--bind", "0.0.0.0:8000"]
