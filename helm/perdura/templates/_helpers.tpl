{{/* The chart's name. */}}
{{- define "perdura.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's prefix of every object name: the release name, with the chart's name unless it holds it. */}}
{{- define "perdura.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* Labels of every object; call with (dict "root" $ "component" "history"). */}}
{{- define "perdura.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: perdura
{{ include "perdura.selectorLabels" . }}
{{- end }}

{{/* Labels that select the pods of one component. */}}
{{- define "perdura.selectorLabels" -}}
app.kubernetes.io/name: {{ include "perdura.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* The image of one service; call with (dict "root" $ "image" "history-service"). */}}
{{- define "perdura.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.repository .image (.root.Values.image.tag | default .root.Chart.AppVersion) }}
{{- end }}

{{/* Kafka's bootstrap servers: the in-cluster broker's Service, or perdura.kafka.bootstrapServers. */}}
{{- define "perdura.kafkaBootstrapServers" -}}
{{- if .Values.kafka.inCluster.enabled }}
{{- printf "%s-kafka:9092" (include "perdura.fullname" .) }}
{{- else }}
{{- required "perdura.kafka.bootstrapServers is required unless kafka.inCluster.enabled" .Values.perdura.kafka.bootstrapServers }}
{{- end }}
{{- end }}

{{/* The Secret with SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD. */}}
{{- define "perdura.mysqlSecretName" -}}
{{- .Values.mysql.existingSecret | default (printf "%s-mysql" (include "perdura.fullname" .)) }}
{{- end }}

{{/* The JDBC URL of the MySQL database. */}}
{{- define "perdura.jdbcUrl" -}}
{{- $host := .Values.mysql.host }}
{{- if .Values.mysql.inCluster.enabled }}
{{- $host = printf "%s-mysql" (include "perdura.fullname" .) }}
{{- end }}
{{- printf "jdbc:mysql://%s:%v/%s?createDatabaseIfNotExist=true" $host .Values.mysql.port .Values.mysql.database }}
{{- end }}

{{/*
ConfigMap entries of a perdura.* settings tree, one environment variable per leaf in Spring Boot's
relaxed form: (dict "prefix" "PERDURA" "values" (dict "kafka" (dict "sessionTimeout" "10s")))
gives PERDURA_KAFKA_SESSIONTIMEOUT: "10s".
*/}}
{{- define "perdura.envEntries" -}}
{{- $prefix := .prefix }}
{{- range $key, $value := .values }}
{{- $name := printf "%s_%s" $prefix (upper $key) }}
{{- if kindIs "map" $value }}
{{- include "perdura.envEntries" (dict "prefix" $name "values" $value) }}
{{- else }}
{{ $name }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}
{{- end }}
