import Link from "next/link";
import { Button } from "@/components/ui/button";

const features = [{ title: "Fast", body: "Pages load in under a second." }];

export default function Home({ user }: { user: User }) {
  const [open, setOpen] = useState<boolean>(false);
  if (a < b) { console.log("x"); }
  return (
    <main className="container">
      {/* hero */}
      <h1 className="text-4xl">Invoices that chase themselves</h1>
      <p>
        Acme sends polite reminders until {user.company} is paid. Don't chase clients by hand.
      </p>
      <Button className="btn-primary" onClick={() => setOpen(true)}>Start free trial</Button>
      <Link href="/pricing">{t("See pricing")}</Link>
      <ul>
        {features.map((f) => (
          <li key={f.title}>{f.title}: {f.body}</li>
        ))}
      </ul>
      {open && <Modal title="Welcome" />}
      <>
        <Text>Trusted by 2,000 bakeries.</Text>
      </>
    </main>
  );
}
