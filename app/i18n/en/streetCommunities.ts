/** Issue 18, part setup: the street's communities page, archived communities and the demo banner. */
const streetCommunities = {
  streetCommunities: {
    link: "Communities",
    title: "{{name}} · Communities",
    active: "Communities of the street",
    archived: "Archived communities",
    noneArchived: "No archived communities.",
    slug: "Web name",
    slugHint: "Lower-case letters, digits and hyphens, 2–40 characters, e.g. xinhua. It is in the address (/c/xinhua) and cannot change later.",
    nameZh: "Chinese name",
    nameEn: "English name",
    kind: "Kind",
    kind_urban: "Urban community (residents' representatives' rules)",
    kind_village: "Village (villagers' representatives' rules)",
    timeZone: "Time zone",
    add: "Add a community",
    added: "Added “{{name}}”, with the {{kind}} rules and catalogue of matters.",
    rename: "Rename",
    renamed: "The names were updated.",
    unchanged: "The names did not change.",
    archive: "Archive",
    archiveConfirm: "I confirm archiving: the community leaves the home page and the street dashboard, nothing more can be submitted in it and its invites stop working; its records and ledger stay, and it can be restored.",
    archivedDone: "Archived “{{name}}”.",
    restore: "Restore",
    restoredDone: "Restored “{{name}}”.",
    archivedOn: "archived {{date}}",
    open: "View",
    problems: {
      slugTaken: "This web name is already used; choose another.",
      notFound: "No such community; reload the page.",
      alreadyArchived: "This community is already archived.",
      notArchived: "This community is not archived.",
      slug: "A web name has lower-case letters, digits and hyphens only, 2–40 characters, starting with a letter or digit.",
    },
    /** The notice on every page of an archived community. */
    archivedNotice: "This community is archived: its pages and board can still be read, but nothing more can be submitted.",
    archivedTitle: "Community archived",
    archivedRefused: "This community is archived and read-only. Nothing was saved.",
    demoBanner: "Demo data — the demo accounts' passwords are public; do not enter real information",
  },
};

export default streetCommunities;
