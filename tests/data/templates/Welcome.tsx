import { Html, Head, Preview, Body, Container, Text, Button } from "@react-email/components";
export const Welcome = ({ name = "there" }) => (
  <Html>
    <Head />
    <Preview>Your first report is ready</Preview>
    <Body style={main}>
      <Container>
        <Text>Hi {name},</Text>
        <Text>Your first report is ready. It shows which invoices are late and who to call first.</Text>
        <Button href="https://acme.com/report" style={button}>Open the report</Button>
        <Text>Cheers, Dana</Text>
      </Container>
    </Body>
  </Html>
);
