import { useEffect, useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Paper, Progress, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconFileSpreadsheet, IconUpload } from "@tabler/icons-react";
import { ErrorAlert } from "../common/ErrorAlert";
import { formatBytes, percent } from "./format";
import { useCsrfToken } from "./queries";
import type { Uploaded } from "./types";
import { uploadFile, type UploadHandle } from "./upload";

const ACCEPT = ".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Step 1: a CSV or XLSX dropped on the area or picked, uploaded with its progress shown. */
export function FileStep({ onUploaded }: { onUploaded(uploaded: Uploaded): void }) {
  const { t } = useTranslation();
  const csrfToken = useCsrfToken();
  const input = useRef<HTMLInputElement>(null);
  const handle = useRef<UploadHandle | null>(null);
  const [over, setOver] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [share, setShare] = useState(0);
  const [error, setError] = useState<unknown>(null);

  // Leaving the screen mid-upload stops sending the file.
  useEffect(() => () => handle.current?.cancel(), []);

  const start = (chosen: File | undefined) => {
    if (!chosen || handle.current) return;
    setFile(chosen);
    setShare(0);
    setError(null);
    const upload = uploadFile(chosen, csrfToken(), setShare);
    handle.current = upload;
    upload.done.then(
      (uploaded) => {
        handle.current = null;
        onUploaded(uploaded);
      },
      (failure: unknown) => {
        handle.current = null;
        setFile(null);
        if (!(failure instanceof DOMException && failure.name === "AbortError")) setError(failure);
      },
    );
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    start(event.dataTransfer.files[0]);
  };

  return (
    <Stack gap="md">
      <ErrorAlert error={error} />
      <Paper
        withBorder
        radius="md"
        p="xl"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        style={{ borderStyle: "dashed", borderWidth: 2, borderColor: over ? "var(--mantine-color-blue-5)" : undefined }}
        bg={over ? "var(--mantine-color-blue-light)" : undefined}
        data-testid="import-drop"
      >
        {file ? (
          <Stack gap="sm" data-testid="import-uploading">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon size={40} radius="md" variant="light">
                <IconFileSpreadsheet size={22} />
              </ThemeIcon>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={600} truncate>
                  {file.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatBytes(file.size)}
                </Text>
              </Stack>
            </Group>
            <Progress value={percent(share)} size="lg" radius="sm" striped animated={share >= 1} aria-label={t("imports.file.uploading")} data-testid="import-upload-progress" />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {share >= 1 ? t("imports.file.reading") : t("imports.file.uploaded", { percent: percent(share) })}
              </Text>
              {share < 1 ? (
                <Button variant="subtle" color="gray" size="xs" onClick={() => handle.current?.cancel()} data-testid="import-upload-cancel">
                  {t("common.cancel")}
                </Button>
              ) : null}
            </Group>
          </Stack>
        ) : (
          <Stack align="center" gap="xs" py="lg">
            <ThemeIcon size={52} radius="xl" variant="light">
              <IconUpload size={26} />
            </ThemeIcon>
            <Text fw={600}>{t("imports.file.drop")}</Text>
            <Text size="sm" c="dimmed" ta="center" maw={520}>
              {t("imports.file.hint")}
            </Text>
            <Button mt="xs" onClick={() => input.current?.click()} data-testid="import-file-pick">
              {t("imports.file.pick")}
            </Button>
          </Stack>
        )}
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          onChange={(event) => {
            start(event.target.files?.[0]);
            event.target.value = "";
          }}
          data-testid="import-file-input"
        />
      </Paper>
    </Stack>
  );
}
