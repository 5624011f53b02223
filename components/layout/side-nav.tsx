"use client";

import {
  BadgeCheck,
  BellRing,
  BookOpen,
  Boxes,
  Cable,
  ClipboardCheck,
  FileCode2,
  Gauge,
  KeyRound,
  LayoutDashboard,
  ListTree,
  Lock,
  ScrollText,
  Server,
  ShieldCheck,
  Users,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import { paths } from "@/lib/paths";
import type { MeDto } from "@/lib/schemas/accounts";
import type { ClusterSummary } from "@/lib/schemas/clusters";
import { ClusterSwitcher } from "./cluster-switcher";

type NavItem = { label: string; href?: string; icon: typeof Server; testId: string };

function NavLink({ item, active }: { item: NavItem; active: boolean }) {
  const Icon = item.icon;
  const base = "flex items-center gap-2 rounded-md px-3 py-2 text-sm";
  if (!item.href) {
    return (
      <span
        className={cn(base, "cursor-not-allowed text-slate-400 dark:text-slate-600")}
        title="Not available yet"
        aria-disabled
        data-testid={item.testId}
      >
        <Icon className="h-4 w-4" /> {item.label}
        <span className="ml-auto text-[10px] uppercase tracking-wide">soon</span>
      </span>
    );
  }
  return (
    <Link
      href={item.href}
      data-testid={item.testId}
      aria-current={active ? "page" : undefined}
      className={cn(
        base,
        active
          ? "bg-brand-50 font-medium text-brand-700 dark:bg-cyan-950 dark:text-cyan-300"
          : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
      )}
    >
      <Icon className="h-4 w-4" /> {item.label}
    </Link>
  );
}

/** A titled group of links in the side navigation. */
function NavSection({
  title,
  items,
  isActive,
}: {
  title: string;
  items: NavItem[];
  isActive: (href?: string) => boolean;
}) {
  return (
    <div className="space-y-1">
      <p className="px-3 text-[11px] font-semibold uppercase tracking-wide text-slate-400">{title}</p>
      {items.map((item) => (
        <NavLink key={item.label} item={item} active={isActive(item.href)} />
      ))}
    </div>
  );
}

export function SideNav({ clusters, me }: { clusters: ClusterSummary[]; me: MeDto }) {
  const pathname = usePathname();
  const match = /^\/clusters\/([^/]+)/.exec(pathname);
  const currentId = match ? decodeURIComponent(match[1]) : undefined;
  const current = clusters.find((c) => c.id === currentId);

  const clusterItems: NavItem[] = current
    ? [
        { label: "Overview", href: paths.cluster(current.id), icon: LayoutDashboard, testId: "nav-overview" },
        { label: "Brokers", href: paths.brokers(current.id), icon: Server, testId: "nav-brokers" },
        { label: "Topics", href: paths.topics(current.id), icon: ListTree, testId: "nav-topics" },
        { label: "Consumer groups", href: paths.groups(current.id), icon: Users, testId: "nav-consumer-groups" },
        { label: "Schemas", href: paths.schemas(current.id), icon: FileCode2, testId: "nav-schemas" },
        { label: "Kafka Connect", href: paths.connect(current.id), icon: Cable, testId: "nav-connect" },
        { label: "Alerts", href: paths.alerts(current.id), icon: BellRing, testId: "nav-alerts" },
      ]
    : [];
  const showAudit = me.globalAdmin || Object.values(me.permissions).some((p) => p.includes("audit:read"));
  const isActive = (href?: string) =>
    !!href && (href === paths.cluster(currentId ?? "") ? pathname === href : pathname.startsWith(href));

  return (
    <nav className="flex flex-1 flex-col gap-4 overflow-y-auto p-3" aria-label="Main">
      <Link
        href={paths.home()}
        className="flex items-center gap-2 px-2 py-1 text-lg font-semibold tracking-tight"
        data-testid="nav-home"
      >
        <Boxes className="h-5 w-5 text-brand-600" /> Sluice
      </Link>
      <ClusterSwitcher clusters={clusters} current={current} />
      {current ? <NavSection title="Cluster" items={clusterItems} isActive={isActive} /> : null}
      {current ? (
        <NavSection
          title="Self-service"
          items={[
            { label: "Requests", href: paths.requests(current.id), icon: ClipboardCheck, testId: "nav-requests" },
            {
              label: "Service principals",
              href: paths.servicePrincipals(current.id),
              icon: BadgeCheck,
              testId: "nav-principals",
            },
          ]}
          isActive={isActive}
        />
      ) : null}
      {current && me.permissions[current.id]?.includes("access:read") ? (
        <NavSection
          title="Access control"
          items={[
            { label: "ACLs", href: paths.acls(current.id), icon: Lock, testId: "nav-acls" },
            { label: "SCRAM users", href: paths.scramUsers(current.id), icon: KeyRound, testId: "nav-scram-users" },
            { label: "Quotas", href: paths.quotas(current.id), icon: Gauge, testId: "nav-quotas" },
          ]}
          isActive={isActive}
        />
      ) : null}
      {showAudit || me.globalAdmin ? (
        <NavSection
          title="Administration"
          items={[
            ...(showAudit ? [{ label: "Audit log", href: paths.audit(), icon: ScrollText, testId: "nav-audit" }] : []),
            ...(me.globalAdmin
              ? [{ label: "Users and teams", href: paths.access(), icon: ShieldCheck, testId: "nav-access" }]
              : []),
          ]}
          isActive={isActive}
        />
      ) : null}
      <NavLink
        item={{ label: "API reference", href: paths.apiDocs(), icon: BookOpen, testId: "nav-api-docs" }}
        active={isActive(paths.apiDocs())}
      />
    </nav>
  );
}
