import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { managesProducts } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { Forbidden } from "../layout/StatePage";
import { useCreateProduct, useProducts } from "./queries";

/** The catalogue first orders are made of: head, admin and back office add products. */
export function ProductsPage() {
  const user = useUser();
  if (!managesProducts(user)) return <Forbidden />;
  return <Products />;
}

function Products() {
  const { t } = useTranslation();
  const products = useProducts();
  const create = useCreateProduct();
  const [name, setName] = useState("");
  const [sku, setSku] = useState("");
  const [filter, setFilter] = useState("");
  const items = (products.data ?? []).filter((p) => !filter.trim() || `${p.name} ${p.sku ?? ""}`.toLowerCase().includes(filter.trim().toLowerCase()));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), ...(sku.trim() ? { sku: sku.trim() } : {}) },
      {
        onSuccess: () => {
          setName("");
          setSku("");
          notifications.show({ color: "teal", message: t("products.added") });
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={900}>
      <Stack gap={2}>
        <Title order={2} fz={24}>
          {t("products.title")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("products.subtitle")}
        </Text>
      </Stack>
      <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} data-testid="product-form">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label={t("products.name")} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={300} style={{ flex: 1, minWidth: 240 }} data-testid="product-name" />
          <TextInput label={t("products.sku")} value={sku} onChange={(e) => setSku(e.currentTarget.value)} maxLength={100} w={180} data-testid="product-sku" />
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending} disabled={!name.trim()} data-testid="product-add">
            {t("products.add")}
          </Button>
        </Group>
        {create.error ? (
          <Stack mt="sm">
            <ErrorAlert error={create.error} />
          </Stack>
        ) : null}
      </Paper>
      <TextInput placeholder={t("products.search")} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={320} />
      <ErrorAlert error={products.error} />
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table verticalSpacing={6} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="products-table">
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th>{t("products.name")}</Table.Th>
              <Table.Th>{t("products.sku")}</Table.Th>
              <Table.Th w={120} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id} data-testid="product-row">
                <Table.Td fw={500}>{p.name}</Table.Td>
                <Table.Td ff="monospace" c="dimmed">
                  {p.sku ?? "—"}
                </Table.Td>
                <Table.Td>
                  {!p.active ? (
                    <Badge size="xs" color="gray" variant="light">
                      {t("products.inactive")}
                    </Badge>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ListState pending={products.isPending} empty={items.length === 0}>
          {t("products.empty")}
        </ListState>
      </Paper>
    </Stack>
  );
}
