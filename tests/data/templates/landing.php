<?php
/* Template Name: Landing */
get_header(); $price = 49;
?>
<section class="hero">
  <h1><?php esc_html_e( 'Stop losing leads to slow follow-up', 'acme' ); ?></h1>
  <p>Acme answers every enquiry in under a minute, so <?php echo $company_name; ?> never loses a buyer to a competitor.</p>
  <?php if ( $show_cta ) : ?>
  <a class="btn" href="<?php echo esc_url( home_url( '/signup' ) ); ?>">Start your free trial</a>
  <?php endif; ?>
</section>
<?php get_footer(); ?>
